package org.hotline81890.directory.ivr;

import org.hotline81890.directory.Service;

/** What a key press leads to. */
public sealed interface IvrStep {
    /** Play this menu next. */
    record Menu(IvrNode node) implements IvrStep {
    }

    /** The caller picked a service: open a request for it. */
    record Chosen(Service service) implements IvrStep {
    }

    /** The caller pressed 0: put them through to an agent. */
    record ToAgent() implements IvrStep {
    }

    /** A key that means nothing here: replay {@code node}. */
    record Invalid(IvrNode node) implements IvrStep {
    }
}
