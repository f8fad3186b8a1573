package org.hotline81890.gateway.partner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.rating.BayesianRating;
import org.hotline81890.partners.rating.SurveyTally;
import org.hotline81890.partners.store.ProviderStore;

/**
 * The provider table as dispatch sees it: each provider's stored rating is its prior (imported or configured), and
 * what is read carries the Bayesian average of that prior and its survey scores. Writes pass through unchanged.
 */
public final class RatedProviderStore implements ProviderStore {
    private final ProviderStore table;
    private final ProviderRatings ratings;
    private final BayesianRating formula;

    public RatedProviderStore(ProviderStore table, ProviderRatings ratings, BayesianRating formula) {
        this.table = table;
        this.ratings = ratings;
        this.formula = formula;
    }

    @Override
    public void save(Provider provider) {
        table.save(provider);
    }

    @Override
    public void saveAll(List<Provider> providers) {
        table.saveAll(providers);
    }

    @Override
    public Optional<Provider> find(ProviderId id) {
        return table.find(id).map(p -> rated(p, ratings.tallies()));
    }

    @Override
    public List<Provider> all() {
        Map<ProviderId, SurveyTally> tallies = ratings.tallies();
        return table.all().stream().map(p -> rated(p, tallies)).toList();
    }

    /** The provider's prior, as stored, without survey scores. */
    Optional<Provider> unrated(ProviderId id) {
        return table.find(id);
    }

    private Provider rated(Provider p, Map<ProviderId, SurveyTally> tallies) {
        SurveyTally tally = tallies.getOrDefault(p.id(), SurveyTally.NONE);
        return tally.answers() == 0 ? p : p.withRating(formula.apply(p.rating(), tally));
    }
}
