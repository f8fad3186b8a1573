package org.hotline81890.gateway.dispatch;

import java.util.List;
import java.util.Optional;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;

/** Driven port: the providers as the SMS job commands look them up (by the number their staff text from, by id). */
public interface ProviderPhones {
    List<Provider> bySms(String digits);

    Optional<Provider> find(ProviderId id);
}
