package org.hotline81890.partners;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a job is: district, then optionally street, community and grid, from coarse to fine.
 * Written as a path: {@code 海曙区/南门街道/柳西社区/网格03}.
 */
public record Area(List<String> levels) {
    public static final int MAX_LEVELS = 4;

    public Area {
        Objects.requireNonNull(levels, "area levels");
        levels = List.copyOf(levels);
        if (levels.isEmpty() || levels.size() > MAX_LEVELS) {
            throw new IllegalArgumentException(
                    "an area has 1..4 levels (district/street/community/grid), got " + levels);
        }
        for (String level : levels) {
            if (level.isBlank() || level.contains("/") || level.equals(AreaPattern.ANY)) {
                throw new IllegalArgumentException("bad area level '" + level + "' in " + levels);
            }
        }
    }

    public static Area of(String path) {
        Objects.requireNonNull(path, "area path");
        return new Area(List.of(path.strip().split("\\s*/\\s*")));
    }

    public String district() {
        return levels.get(0);
    }

    public Optional<String> street() {
        return level(1);
    }

    public Optional<String> community() {
        return level(2);
    }

    public Optional<String> grid() {
        return level(3);
    }

    /** The area cut to at most {@code depth} levels, e.g. street and community only for a partner's first look. */
    public Area truncate(int depth) {
        return new Area(levels.subList(0, Math.min(depth, levels.size())));
    }

    private Optional<String> level(int index) {
        return index < levels.size() ? Optional.of(levels.get(index)) : Optional.empty();
    }

    @Override
    public String toString() {
        return String.join("/", levels);
    }
}
