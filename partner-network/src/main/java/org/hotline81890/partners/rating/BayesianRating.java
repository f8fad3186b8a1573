package org.hotline81890.partners.rating;

import org.hotline81890.partners.Rating;

/**
 * A provider's rating from its survey answers: a Bayesian average that starts at the provider's configured rating
 * (the prior, 3.0 for a new provider) and moves toward the mean survey score as answers come in:
 * <pre>
 *   rating = (priorWeight × prior + scoreSum) / (priorWeight + answers)
 * </pre>
 * With the default weight 5 a new provider (3.0) that gets one complaint (score 1) drops to 2.67, one that gets one
 * "satisfied" (score 5) rises to 3.33; after 95 answers the prior weighs 5 %. A few answers cannot swing it far,
 * many answers decide it. {@code priorWeight} 0 is the plain mean (the prior only while there is no answer).
 */
public record BayesianRating(int priorWeight) {
    public BayesianRating {
        if (priorWeight < 0) {
            throw new IllegalArgumentException("prior weight cannot be negative: " + priorWeight);
        }
    }

    public Rating apply(Rating prior, SurveyTally tally) {
        if (tally.answers() == 0) {
            return prior;
        }
        double stars = (priorWeight * prior.stars() + tally.scoreSum()) / (double) (priorWeight + tally.answers());
        return new Rating(Math.round(stars * 100) / 100.0);
    }
}
