package org.hotline81890.gateway.dispatch;

import java.util.List;

import org.hotline81890.partners.Provider;

/** Driven port: the providers whose staff text from a number (the SMS job commands). */
public interface ProviderPhones {
    List<Provider> bySms(String digits);
}
