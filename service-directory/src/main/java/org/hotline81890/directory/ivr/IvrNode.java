package org.hotline81890.directory.ivr;

import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.Category;

/**
 * Where a caller is in the menu: the category menu (no category) or one category's service menu, at a page.
 * {@code prompt} is what is read out, e.g. ["按1，家政服务", …, "按9，更多", "按0，人工服务"].
 */
public record IvrNode(Optional<Category> category, int page, List<String> prompt) {
    public IvrNode {
        prompt = List.copyOf(prompt);
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
    }
}
