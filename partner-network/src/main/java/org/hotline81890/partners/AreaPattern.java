package org.hotline81890.partners;

import java.util.List;
import java.util.Objects;

/**
 * One covered area: a path of up to four levels where {@code *} matches anything at that level.
 * A shorter pattern covers everything below it: {@code 海曙区/南门街道} covers all its communities and grids;
 * a pattern with {@code *} as its street level and a community name covers that community in any street.
 */
public record AreaPattern(List<String> levels) {
    public static final String ANY = "*";

    public AreaPattern {
        Objects.requireNonNull(levels, "pattern levels");
        levels = List.copyOf(levels);
        if (levels.isEmpty() || levels.size() > Area.MAX_LEVELS) {
            throw new IllegalArgumentException("a coverage pattern has 1..4 levels, got " + levels);
        }
        if (levels.stream().anyMatch(level -> level.isBlank() || level.contains("/"))) {
            throw new IllegalArgumentException("blank level in coverage pattern " + levels);
        }
    }

    public static AreaPattern of(String path) {
        Objects.requireNonNull(path, "pattern path");
        return new AreaPattern(List.of(path.strip().split("\\s*/\\s*")));
    }

    public boolean covers(Area area) {
        List<String> target = area.levels();
        if (levels.size() > target.size()) {
            return false;
        }
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (!level.equals(ANY) && !level.equals(target.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** How precisely this pattern names a place: literal levels count, wildcards do not. Finer is closer. */
    public int specificity() {
        return (int) levels.stream().filter(level -> !level.equals(ANY)).count();
    }

    @Override
    public String toString() {
        return String.join("/", levels);
    }
}
