package org.hotline81890.directory.load;

import java.util.List;

import org.hotline81890.directory.AgentQuestion;
import org.hotline81890.directory.Category;
import org.hotline81890.directory.RequestType;

/** A row of {@code categories.tsv}: the category, how many services it must have, and its defaults. */
record CategoryRow(Category category, int expectedServices, RequestType defaultType, List<AgentQuestion> questions) {
}
