package org.hotline81890.gateway.voice;

import java.util.Optional;

/**
 * Driven port: a supervisor listens to, whispers to or barges into an agent's call. The supervisor's own phone
 * rings first; answered, it joins the agent's call in that mode. Returns why not, or empty when it rang and was
 * answered.
 */
public interface AgentOversight {
    Optional<String> join(String supervisorExtension, String agentInterface, SpyMode mode);
}
