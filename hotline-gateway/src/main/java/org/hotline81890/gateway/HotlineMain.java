package org.hotline81890.gateway;

public final class HotlineMain {
    public static void main(String[] args) {
    }
}
