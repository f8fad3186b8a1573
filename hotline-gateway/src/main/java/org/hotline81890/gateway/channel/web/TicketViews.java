package org.hotline81890.gateway.channel.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline81890.directory.AreaTree;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.RequestType;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.match.Match;
import org.hotline81890.directory.match.MatchResult;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.directory.match.PinyinIndex;
import org.hotline81890.gateway.desk.Departments;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * What the ticket form shows besides the order: the matcher's top three for the words so far (with their reasons),
 * services found as the agent types (hanzi, pinyin initials, full pinyin), the chosen service's answer text and
 * questions, the departments it may be transferred to (转办), and the area tree for the cascading pickers. Reads
 * only; the decisions go through the use case.
 */
final class TicketViews {
    static final List<RequestType> TYPES = List.of(RequestType.CONSULTATION, RequestType.HELP,
            RequestType.COMPLAINT, RequestType.SUGGESTION);
    private static final int SEARCH_LIMIT = 8;
    private final Directory directory;
    private final Matcher matcher;
    private final PinyinIndex pinyin;
    private final AreaTree areas;
    private final Departments departments;
    private final String areasJson;
    private final Map<String, String> serviceNames = new HashMap<>();

    TicketViews(Directory directory, Matcher matcher, AreaTree areas, Departments departments) {
        this.directory = directory;
        this.departments = departments;
        this.matcher = matcher;
        this.pinyin = new PinyinIndex(directory);
        this.areas = areas;
        this.areasJson = json(areas.districts()).encode();
        directory.services().forEach(s -> serviceNames.put(s.code(), s.code() + " " + s.nameZh()));
    }

    /** The form's variables for {@code order}: pre-filled from the intake, suggestions for its words. */
    Map<String, Object> form(WorkOrder order) {
        Map<String, Object> vars = new HashMap<>(suggestions(order.text()));
        vars.put("order", order);
        vars.put("types", TYPES);
        vars.put("priorities", List.of(Priority.values()));
        vars.put("areas", areas);
        vars.put("areasJson", areasJson);
        vars.put("service", order.serviceCode().flatMap(directory::find).orElse(null));
        vars.put("serviceNames", serviceNames);
        vars.put("departments", order.serviceCode().map(departments::serving).orElse(List.of()));
        return vars;
    }

    /** The matcher's top three for {@code text} and its first code ({@code NONE} when it placed nothing). */
    Map<String, Object> suggestions(String text) {
        List<Match> top = List.of();
        if (!text.isBlank()) {
            MatchResult r = matcher.match(text);
            top = r.isNone() ? List.of() : r.matches().stream().limit(3).toList();
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("suggestions", top);
        vars.put("matcherFirst", top.isEmpty() ? "NONE" : top.get(0).service().code());
        return vars;
    }

    List<Service> search(String query) {
        return pinyin.search(query, SEARCH_LIMIT);
    }

    Optional<Service> service(String code) {
        return directory.find(code);
    }

    /** The departments an order of service {@code code} may be transferred to (转办). */
    List<Departments.Department> departments(String code) {
        return departments.serving(code);
    }

    Map<String, String> serviceNames() {
        return serviceNames;
    }

    private static JsonArray json(List<AreaTree.Node> nodes) {
        JsonArray out = new JsonArray();
        nodes.forEach(n -> out.add(new JsonObject().put("n", n.name()).put("c", json(n.children()))));
        return out;
    }
}
