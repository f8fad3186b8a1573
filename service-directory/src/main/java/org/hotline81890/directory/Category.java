package org.hotline81890.directory;

import java.util.Objects;

/** One of the 20 categories, e.g. {@code HK 家政服务 Housekeeping & domestic help}. */
public record Category(String code, String nameZh, String nameEn) {
    public Category {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        if (!code.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("category code must be two capital letters: '" + code + "'");
        }
        if (nameZh.isBlank() || nameEn.isBlank()) {
            throw new IllegalArgumentException("category " + code + " needs a Chinese and an English name");
        }
    }
}
