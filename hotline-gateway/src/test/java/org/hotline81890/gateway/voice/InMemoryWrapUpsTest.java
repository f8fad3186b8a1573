package org.hotline81890.gateway.voice;

class InMemoryWrapUpsTest implements WrapUpsContract {
    private final InMemoryWrapUps wrapUps = new InMemoryWrapUps();

    @Override
    public WrapUps wrapUps() {
        return wrapUps;
    }
}
