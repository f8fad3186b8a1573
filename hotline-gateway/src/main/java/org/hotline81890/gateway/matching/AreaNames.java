package org.hotline81890.gateway.matching;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.AreaTree;
import org.hotline81890.gateway.workorder.Area;

/**
 * Where a text says the job is, as residents write it: the names of the hotline's area tree (the agent's ticket form
 * picks from the same tree) that the text mentions. A street (街道 or 镇) gives its district even when the text leaves
 * the district out, as residents do; a community is taken only under the street found. The longest name wins (a
 * community named like its street). Nothing is guessed: a text that names no area gives {@link Area#UNKNOWN}.
 */
public final class AreaNames {
    private final AreaTree tree;

    public AreaNames(AreaTree tree) {
        this.tree = tree;
    }

    /** The district, street and community the text names; the exact address stays for the resident to give. */
    public Area in(String text) {
        if (text == null || text.isBlank()) {
            return Area.UNKNOWN;
        }
        for (AreaTree.Node district : tree.districts()) {
            Optional<AreaTree.Node> street = longestIn(text, district.children());
            if (street.isPresent()) {
                Optional<String> community = longestIn(text, street.get().children()).map(AreaTree.Node::name);
                return new Area(Optional.of(district.name()), Optional.of(street.get().name()), community,
                        Optional.empty(), Optional.empty());
            }
        }
        return longestIn(text, tree.districts()).map(d -> new Area(Optional.of(d.name()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())).orElse(Area.UNKNOWN);
    }

    private static Optional<AreaTree.Node> longestIn(String text, List<AreaTree.Node> nodes) {
        return nodes.stream().filter(n -> text.contains(n.name()))
                .max(Comparator.comparingInt(n -> n.name().length()));
    }
}
