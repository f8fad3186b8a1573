/** Concurrency plumbing shared by channels and storage adapters; depends on nothing of the gateway. */
package org.hotline81890.gateway.concurrent;
