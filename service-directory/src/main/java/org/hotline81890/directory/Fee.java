package org.hotline81890.directory;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * What a service's job pays the provider, when the hotline has a price for it (a guide price agreed with its partner
 * companies, 参考价): an amount in yuan per unit, and a short note on what it covers. Most services have none.
 */
public record Fee(String service, BigDecimal yuan, String unit, String note) {
    /** The units a job is priced by. */
    public static final Set<String> UNITS = Set.of("次", "小时", "天", "月", "平方米", "件", "台");

    public Fee {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(note, "note");
        if (yuan == null || yuan.signum() <= 0 || yuan.scale() > 2 || yuan.compareTo(new BigDecimal(100_000)) > 0) {
            throw new IllegalArgumentException("the amount must be yuan above 0, at most 100000, with at most two "
                    + "decimals: " + yuan);
        }
        if (!UNITS.contains(unit)) {
            throw new IllegalArgumentException("the unit must be one of " + UNITS + ": '" + unit + "'");
        }
        if (note.length() > 60) {
            throw new IllegalArgumentException("the note is longer than 60 characters");
        }
    }

    /** As a provider reads it: {@code 参考价 45 元/小时（含清洁用品）}. */
    public String display() {
        return "参考价 " + yuan.stripTrailingZeros().toPlainString() + " 元/" + unit
                + (note.isEmpty() ? "" : "（" + note + "）");
    }
}
