package org.hotline81890.bench.partners;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.Capacity;
import org.hotline81890.partners.ContactChannels;
import org.hotline81890.partners.Coverage;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ProviderStatus;
import org.hotline81890.partners.Rating;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.WebhookEndpoint;
import org.hotline81890.partners.dispatch.BalancedDispatchPolicy;
import org.hotline81890.partners.dispatch.DispatchDecision;
import org.hotline81890.partners.dispatch.DispatchRequest;
import org.hotline81890.partners.dispatch.LoadView;
import org.hotline81890.partners.dispatch.ProviderIndex;

/**
 * One dispatch decision over 1,000 providers. {@code sameService}: all 1,000 offer the requested service (the
 * worst case, the index cannot narrow anything); {@code spread}: each offers 3 of 111 services, as in a real
 * directory. Run: {@code java -jar src/bench/target/hotline-bench.jar 'DispatchBench'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBench {
    private static final int PROVIDERS = 1_000;
    private static final String[] STREETS = {"鼓楼街道", "西门街道", "月湖街道", "南门街道", "江厦街道", "白云街道",
        "段塘街道", "望春街道", "石碶街道", "古林镇"};
    private static final String[] HOURS = {"24h", "MON-SUN 08:00-20:00", "MON-FRI 08:30-17:30; SAT-SUN 09:00-17:00",
        "MON-SUN 07:00-22:00"};

    @Param({"sameService", "spread"})
    public String mix;

    private final BalancedDispatchPolicy policy = new BalancedDispatchPolicy();
    private ProviderIndex index;
    private LoadView load;
    private DispatchRequest[] requests;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(81890);
        List<ServiceCode> codes = new ArrayList<>();
        for (int i = 1; i <= 111; i++) {
            codes.add(ServiceCode.of(String.format("%s-%02d", (char) ('A' + i / 10 % 26) + "" + (char) ('A' + i % 7),
                    i % 99 + 1)));
        }
        List<Provider> providers = new ArrayList<>();
        Map<ProviderId, Integer> active = new HashMap<>();
        Map<ProviderId, Integer> paid = new HashMap<>();
        for (int i = 0; i < PROVIDERS; i++) {
            ProviderId id = ProviderId.of(String.format("P-%04d", i));
            Set<ServiceCode> services = new HashSet<>();
            if (mix.equals("sameService")) {
                services.add(codes.get(0));
            } else {
                while (services.size() < 3) {
                    services.add(codes.get(random.nextInt(codes.size())));
                }
            }
            String street = STREETS[random.nextInt(STREETS.length)];
            String coverage = random.nextInt(4) == 0 ? "海曙区" : "海曙区/" + street + ";海曙区/" + STREETS[random.nextInt(10)];
            int capacity = 1 + random.nextInt(10);
            providers.add(new Provider(id, i % 4 == 0 ? ProviderKind.VOLUNTEER_TEAM : ProviderKind.PARTNER_COMPANY,
                    "Provider " + i, services, Coverage.of(coverage),
                    OpeningHours.of(HOURS[random.nextInt(HOURS.length)]),
                    new Capacity(capacity), new ContactChannels(Optional.of(new WebhookEndpoint(
                            URI.create("https://p" + i + ".example/hook"), "bench-secret-0123456789")),
                            Optional.of(PhoneNumber.of("19905740000")), Optional.empty()),
                    i % 50 == 0 ? ProviderStatus.SUSPENDED : ProviderStatus.ACTIVE,
                    new Rating(3 + random.nextDouble() * 2)));
            active.put(id, random.nextInt(capacity + 1));
            paid.put(id, random.nextInt(40));
        }
        index = ProviderIndex.of(providers);
        load = LoadView.of(active, paid);
        requests = new DispatchRequest[256];
        Instant tuesday10 = Instant.parse("2026-03-03T02:00:00Z");
        for (int i = 0; i < requests.length; i++) {
            ServiceCode service = mix.equals("sameService") ? codes.get(0) : codes.get(random.nextInt(codes.size()));
            Area area = Area.of("海曙区/" + STREETS[random.nextInt(10)] + "/社区" + random.nextInt(5)
                    + "/网格0" + random.nextInt(9));
            requests[i] = new DispatchRequest(service, area, tuesday10.plusSeconds(random.nextInt(12 * 3600)),
                    Set.of(ProviderId.of(String.format("P-%04d", random.nextInt(PROVIDERS)))), Set.of());
        }
    }

    @Benchmark
    public DispatchDecision decide() {
        DispatchRequest request = requests[next++ & (requests.length - 1)];
        return policy.decide(request, index, load);
    }
}
