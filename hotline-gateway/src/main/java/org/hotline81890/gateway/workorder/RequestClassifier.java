package org.hotline81890.gateway.workorder;

/** Driven port: turns a request's text and hints into a {@link Classification} (the directory's matcher). */
public interface RequestClassifier {
    Classification classify(IntakeRequest request);
}
