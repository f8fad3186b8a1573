package org.hotline81890.partners.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.RepoFiles;
import org.hotline81890.partners.ServiceCode;

/** The claims of config/providers/providers.csv, checked against the directory's services.tsv. */
class SampleProvidersTest {
    private static List<Provider> providers;
    private static Map<ServiceCode, String> kinds;

    @BeforeAll
    static void load() {
        kinds = RepoFiles.serviceKinds();
        ImportResult result = new ProviderCsvImporter(ServiceCatalog.of(kinds))
                .parse(RepoFiles.read(RepoFiles.sampleProviders()));
        assertThat(result).as("sample data must import cleanly: %s", result).isInstanceOf(ImportResult.Valid.class);
        providers = ((ImportResult.Valid) result).providers();
    }

    @Test
    void countsShouldMeetTheIssue() {
        assertThat(count(ProviderKind.DEPARTMENT)).isEqualTo(24);
        assertThat(providers).hasSize(315);
        assertThat(count(ProviderKind.PARTNER_COMPANY)).isGreaterThanOrEqualTo(60);
        assertThat(count(ProviderKind.VOLUNTEER_INDIVIDUAL) + count(ProviderKind.VOLUNTEER_TEAM))
                .isGreaterThanOrEqualTo(150);
        assertThat(count(ProviderKind.VOLUNTEER_TEAM)).isPositive();
    }

    @Test
    void everyDirectoryServiceShouldHaveAnActiveProviderOfItsKind() {
        for (Map.Entry<ServiceCode, String> service : kinds.entrySet()) {
            assertThat(providers).as("active provider for %s (%s)", service.getKey(), service.getValue())
                    .anyMatch(p -> p.isActive() && p.provides(service.getKey())
                            && p.kind().servesDirectoryKind(service.getValue()));
        }
    }

    /**
     * A resident who phones or texts names no street, so the order's area is the district alone: each service needs
     * a provider of its kind for the whole district, or such orders go straight to 督办 (the simulated day's 32,583).
     */
    @Test
    void everyDirectoryServiceShouldHaveAnActiveProviderForTheWholeDistrict() {
        Area district = Area.of("海曙区");
        for (Map.Entry<ServiceCode, String> service : kinds.entrySet()) {
            assertThat(providers).as("provider for %s (%s) in all of 海曙区", service.getKey(), service.getValue())
                    .anyMatch(p -> p.isActive() && p.provides(service.getKey())
                            && p.kind().servesDirectoryKind(service.getValue()) && p.coverage().covers(district));
        }
    }

    @Test
    void providersShouldSpreadOverTenStreetsOfOneDistrict() {
        Set<String> streets = providers.stream().flatMap(p -> p.coverage().patterns().stream())
                .filter(pattern -> pattern.levels().size() >= 2).map(pattern -> pattern.levels().get(1))
                .collect(Collectors.toSet());
        Set<String> districts = providers.stream().flatMap(p -> p.coverage().patterns().stream())
                .map(pattern -> pattern.levels().get(0)).collect(Collectors.toSet());
        assertThat(streets).hasSize(10);
        assertThat(districts).containsExactly("海曙区");
    }

    private static long count(ProviderKind kind) {
        return providers.stream().filter(p -> p.kind() == kind).count();
    }
}
