package org.hotline81890.gateway.channel.web;

import org.hotline81890.directory.AreaTree;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.gateway.desk.TicketDesk;

/** What the composition root hands the agent desk beyond the state bar: the ticket use case and what it reads. */
public record AgentDeskParts(TicketDesk tickets, Directory directory, Matcher matcher, AreaTree areas) {
}
