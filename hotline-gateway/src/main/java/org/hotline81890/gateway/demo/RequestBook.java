package org.hotline81890.gateway.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.hotline81890.directory.Category;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.load.ExampleLoader;

/**
 * What residents ask: the directory's labelled examples ({@code config/directory/examples/}, 5,000+ everyday
 * sentences over the 201 services), drawn at random, so categories come in the proportion the examples have. A caller
 * who phones keys the service in the DTMF menu ({@link #menuKeys}).
 */
final class RequestBook {
    private final List<LabelledExample> examples;
    private final Map<String, List<String>> keys;

    RequestBook(Directory directory, int pageSize) {
        this.examples = ExampleLoader.loadDefault(directory).stream()
                .filter(e -> e.serviceCode().isPresent()).toList();
        this.keys = menuKeys(directory, pageSize);
    }

    LabelledExample pick(RandomGenerator random) {
        return examples.get(random.nextInt(examples.size()));
    }

    /** The keys a caller presses in the directory's menu (categories, then services, 9 = next page) for a service. */
    List<String> keysFor(String serviceCode) {
        List<String> k = keys.get(serviceCode);
        if (k == null) {
            throw new IllegalArgumentException("no menu path to " + serviceCode);
        }
        return k;
    }

    private static Map<String, List<String>> menuKeys(Directory directory, int pageSize) {
        Map<String, List<String>> out = new HashMap<>();
        List<Category> categories = directory.categories();
        for (int c = 0; c < categories.size(); c++) {
            List<Service> services = directory.servicesOf(categories.get(c));
            for (int s = 0; s < services.size(); s++) {
                List<String> path = new ArrayList<>(pick(c, pageSize));
                path.addAll(pick(s, pageSize));
                out.put(services.get(s).code(), List.copyOf(path));
            }
        }
        return out;
    }

    private static List<String> pick(int index, int pageSize) {
        List<String> path = new ArrayList<>();
        for (int page = 0; page < index / pageSize; page++) {
            path.add("9");
        }
        path.add(Integer.toString(index % pageSize + 1));
        return path;
    }
}
