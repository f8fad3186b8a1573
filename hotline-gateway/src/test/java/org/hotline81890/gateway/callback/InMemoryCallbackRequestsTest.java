package org.hotline81890.gateway.callback;

class InMemoryCallbackRequestsTest implements CallbackRequestsContract {
    private final InMemoryCallbackRequests requests = new InMemoryCallbackRequests();

    @Override
    public CallbackRequests requests() {
        return requests;
    }
}
