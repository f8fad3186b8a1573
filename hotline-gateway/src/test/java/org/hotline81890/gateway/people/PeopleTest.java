package org.hotline81890.gateway.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.hotline81890.gateway.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** Accounts, log-in with backoff, sessions: the use cases over in-memory stores. */
class PeopleTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final InMemoryPersonStore store = new InMemoryPersonStore();
    private final InMemorySessionStore sessionStore = new InMemorySessionStore(store);
    private final Passwords passwords = new Passwords(1024, 1);
    private final People people = new People(store, sessionStore, passwords, clock);
    private final Sessions sessions = new Sessions(sessionStore, Duration.ofMinutes(30), clock);
    private final SignIn signIn = new SignIn(store, sessions, passwords, clock);

    private static NewPerson agent(String login) {
        return new NewPerson(login, Role.AGENT, "王芳", Optional.empty(), Optional.of("1001"));
    }

    @Test
    void passwordsShouldBeStoredAsArgon2idAndVerifyOnlyTheRightPassword() {
        Passwords real = new Passwords();
        String hash = real.hash("坐席密码-2026");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("坐席密码");
        assertThat(real.matches("坐席密码-2026", hash)).isTrue();
        assertThat(real.matches("坐席密码-2027", hash)).isFalse();
        assertThat(real.hash("坐席密码-2026")).isNotEqualTo(hash);
        assertThat(real.matches("x", "not a hash")).isFalse();
    }

    @Test
    void addShouldRefuseATakenLoginAProviderRoleWithoutProviderAndAShortPassword() {
        assertThat(people.add(agent("wangfang"), "longenough")).isInstanceOf(AddResult.Created.class);
        assertThat(people.add(agent("wangfang"), "longenough"))
                .isEqualTo(new AddResult.Refused("login wangfang already exists"));
        assertThat(people.add(new NewPerson("p1", Role.PARTNER, "", Optional.empty(), Optional.empty()), "longenough"))
                .isEqualTo(new AddResult.Refused("role partner needs --provider"));
        assertThat(people.add(agent("li"), "short")).isInstanceOf(AddResult.Refused.class);
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void loginShouldOpenASessionThatResolvesUntilIdleOrDisabled() {
        people.add(agent("wangfang"), "right-password");
        LoginResult r = signIn.attempt("WangFang ", "right-password");
        assertThat(r).isInstanceOf(LoginResult.Success.class);
        SignedIn s = ((LoginResult.Success) r).session();
        assertThat(sessions.resolve(s.token())).map(x -> x.person().login()).contains("wangfang");
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.resolve(s.token())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.resolve(s.token())).as("touched 29 minutes ago").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.resolve(s.token())).as("idle 31 minutes").isEmpty();

        SignedIn again = ((LoginResult.Success) signIn.attempt("wangfang", "right-password")).session();
        people.disable("wangfang");
        assertThat(sessions.resolve(again.token())).isEmpty();
        assertThat(signIn.attempt("wangfang", "right-password")).isInstanceOf(LoginResult.Refused.class);
    }

    @Test
    void fiveFailuresShouldSlowTheLoginDownButNotLockTheRealPersonOutForLong() {
        people.add(agent("wangfang"), "right-password");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.attempt("wangfang", "guess" + i)).isInstanceOf(LoginResult.Refused.class);
        }
        LoginResult slowed = signIn.attempt("wangfang", "right-password");
        assertThat(slowed).isInstanceOf(LoginResult.SlowDown.class);
        assertThat(((LoginResult.SlowDown) slowed).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(1));
            signIn.attempt("wangfang", "guess-again" + i);
        }
        LoginResult capped = signIn.attempt("wangfang", "right-password");
        assertThat(((LoginResult.SlowDown) capped).retryAfter()).isLessThanOrEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn.attempt("wangfang", "right-password")).isInstanceOf(LoginResult.Success.class);
        assertThat(store.failuresSince("wangfang", Instant.EPOCH)).isEmpty();
    }

    @Test
    void unknownLoginsShouldBeRefusedLikeWrongPasswordsAndSlowedToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.attempt("nobody", "whatever-" + i)).isEqualTo(new LoginResult.Refused());
        }
        assertThat(signIn.attempt("nobody", "whatever")).isInstanceOf(LoginResult.SlowDown.class);
    }

    @Test
    void resetPasswordShouldEndSessionsAndTheOldPasswordStopsWorking() {
        people.add(agent("wangfang"), "old-password");
        SignedIn s = ((LoginResult.Success) signIn.attempt("wangfang", "old-password")).session();
        assertThat(people.resetPassword("wangfang", "new-password")).isEmpty();
        assertThat(sessions.resolve(s.token())).isEmpty();
        assertThat(signIn.attempt("wangfang", "old-password")).isInstanceOf(LoginResult.Refused.class);
        assertThat(signIn.attempt("wangfang", "new-password")).isInstanceOf(LoginResult.Success.class);
        assertThat(people.resetPassword("nobody", "new-password")).contains("no such login: nobody");
    }

    @Test
    void firstAdminShouldBeCreatedOnceWithAWorkingPassword() {
        FirstAdmin first = new FirstAdmin(store, people);
        Optional<String> password = first.ensure();
        assertThat(password).isPresent();
        assertThat(signIn.attempt("admin", password.get())).isInstanceOf(LoginResult.Success.class);
        assertThat(first.ensure()).isEmpty();
    }
}
