package org.hotline81890.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hotline's areas as agents pick them: district → street → community → grid (网格), in the order of the data
 * file. Immutable; {@link #knows} tells whether a picked path exists, from the district down as far as it goes.
 */
public final class AreaTree {
    /** One node: its name and its children, in file order. */
    public record Node(String name, List<Node> children) {
        public Node {
            children = List.copyOf(children);
        }

        Optional<Node> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }
    }

    private final List<Node> districts;

    public AreaTree(List<Node> districts) {
        this.districts = List.copyOf(districts);
    }

    /** Builds the tree from rows of {@code district, street, community, grids...}, merging repeated names. */
    public static AreaTree of(List<List<String>> rows) {
        Map<String, Map<String, Map<String, List<String>>>> tree = new LinkedHashMap<>();
        for (List<String> row : rows) {
            tree.computeIfAbsent(row.get(0), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.get(1), k -> new LinkedHashMap<>())
                    .put(row.get(2), List.copyOf(row.subList(3, row.size())));
        }
        return new AreaTree(tree.entrySet().stream().map(d -> new Node(d.getKey(), d.getValue().entrySet().stream()
                .map(s -> new Node(s.getKey(), s.getValue().entrySet().stream()
                        .map(c -> new Node(c.getKey(), c.getValue().stream().map(g -> new Node(g, List.of()))
                                .toList())).toList())).toList())).toList());
    }

    public List<Node> districts() {
        return districts;
    }

    /** True when each given level names a child of the one above (empty levels below the last given one). */
    public boolean knows(List<String> path) {
        List<Node> level = districts;
        for (String name : path) {
            Optional<Node> found = level.stream().filter(n -> n.name().equals(name)).findFirst();
            if (found.isEmpty()) {
                return false;
            }
            level = found.get().children();
        }
        return true;
    }
}
