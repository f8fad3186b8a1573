package org.hotline81890.directory.ivr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.Category;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Service;

/**
 * The DTMF tree derived from the directory: category, then service. Each menu page offers digits 1..page-size,
 * 9 for the next page (wrapping round), * to go back and 0 for an agent. Whether intake plays it at all is
 * {@link #enabled()} (off by default).
 */
public final class IvrMenu {
    private final Directory directory;
    private final IvrSettings settings;

    public IvrMenu(Directory directory, IvrSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The first page of the category menu. */
    public IvrNode root() {
        return node(Optional.empty(), 0);
    }

    public IvrStep press(IvrNode at, char key) {
        List<String> labels = labels(at.category());
        int pages = pages(labels.size());
        if (key == '0') {
            return new IvrStep.ToAgent();
        }
        if (key == '*') {
            return new IvrStep.Menu(at.category().isPresent() ? root() : at);
        }
        if (key == '9' && pages > 1) {
            return new IvrStep.Menu(node(at.category(), (at.page() + 1) % pages));
        }
        int digit = key - '0';
        int index = at.page() * settings.pageSize() + digit - 1;
        if (digit < 1 || digit > settings.pageSize() || index >= labels.size()) {
            return new IvrStep.Invalid(at);
        }
        if (at.category().isEmpty()) {
            return new IvrStep.Menu(node(Optional.of(directory.categories().get(index)), 0));
        }
        return new IvrStep.Chosen(directory.servicesOf(at.category().get()).get(index));
    }

    private IvrNode node(Optional<Category> category, int page) {
        List<String> labels = labels(category);
        List<String> prompt = new ArrayList<>();
        int from = page * settings.pageSize();
        for (int i = from; i < Math.min(labels.size(), from + settings.pageSize()); i++) {
            prompt.add("按" + (i - from + 1) + "，" + labels.get(i));
        }
        if (pages(labels.size()) > 1) {
            prompt.add("按9，更多");
        }
        if (category.isPresent()) {
            prompt.add("按*，返回上一级");
        }
        prompt.add("按0，人工服务");
        return new IvrNode(category, page, prompt);
    }

    private List<String> labels(Optional<Category> category) {
        if (category.isEmpty()) {
            return directory.categories().stream().map(Category::nameZh).toList();
        }
        return directory.servicesOf(category.get()).stream().map(Service::nameZh).toList();
    }

    private int pages(int entries) {
        return (entries + settings.pageSize() - 1) / settings.pageSize();
    }
}
