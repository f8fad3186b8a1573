package org.hotline81890.gateway.dispatch;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.flow.ActionResult;
import org.hotline81890.partners.offer.OfferId;

/**
 * Completing a job from a desk: the partner use case ({@link PartnerFlow#complete}), plus who did it and the photo
 * the provider attached. The photo must be a JPEG, PNG or WebP by its first bytes; it is written under a random
 * name before the completion's transaction and deleted again when that does not complete the job, so a refusal
 * leaves neither a file nor a row (a crash in between leaves at most a file nothing names).
 */
public final class JobCompletion {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final PartnerFlow flow;
    private final CompletionRecords records;
    private final PhotoFiles files;
    private final Clock clock;

    public JobCompletion(PartnerFlow flow, CompletionRecords records, PhotoFiles files, Clock clock) {
        this.flow = flow;
        this.records = records;
        this.files = files;
        this.clock = clock;
    }

    /** The partner use case's answer, or a photo that is not an image (nothing was done). */
    public sealed interface Result {
        record Acted(ActionResult result) implements Result {
        }

        record NotAnImage() implements Result {
        }
    }

    public Result complete(ProviderId caller, OfferId id, String note, CompletionRecord.Worker by,
                           Optional<byte[]> photo) {
        Optional<CompletionPhoto> stored = Optional.empty();
        if (photo.isPresent()) {
            Optional<ImageType> type = ImageType.sniff(photo.get());
            if (type.isEmpty()) {
                return new Result.NotAnImage();
            }
            byte[] name = new byte[16];
            RANDOM.nextBytes(name);
            CompletionPhoto p = new CompletionPhoto(HexFormat.of().formatHex(name) + "." + type.get().extension(),
                    type.get(), photo.get().length);
            files.write(p.file(), photo.get());
            stored = Optional.of(p);
        }
        Optional<CompletionPhoto> attached = stored;
        ActionResult result;
        try {
            result = flow.complete(caller, id, note, Channel.WEB, offer -> records.add(new CompletionRecord(
                    offer.id(), new WorkOrderId(Long.parseLong(offer.job().workOrder().value())), caller,
                    Optional.of(by), attached, clock.instant())));
        } catch (RuntimeException e) {
            attached.ifPresent(p -> files.delete(p.file()));
            throw e;
        }
        if (!(result instanceof ActionResult.Applied)) {
            attached.ifPresent(p -> files.delete(p.file()));
        }
        return new Result.Acted(result);
    }

    /** What the desks recorded for an order (who completed it, the photo), oldest first. */
    public java.util.List<CompletionRecord> ofWorkOrder(WorkOrderId workOrder) {
        return records.ofWorkOrder(workOrder);
    }

    /** Who completed which of the provider's offers on a desk. */
    public java.util.List<CompletionRecord> ofProvider(ProviderId provider) {
        return records.ofProvider(provider);
    }

    /** A stored photo and its bytes. */
    public record Shown(CompletionPhoto photo, byte[] bytes) {
    }

    /**
     * The photo by its name, for staff who see every order ({@code onlyOf} empty) or for one provider (only its own
     * jobs' photos: another's is "not found").
     */
    public Optional<Shown> photo(String file, Optional<ProviderId> onlyOf) {
        if (!CompletionPhoto.isName(file)) {
            return Optional.empty();
        }
        return records.byPhoto(file).filter(r -> onlyOf.map(r.provider()::equals).orElse(true))
                .flatMap(CompletionRecord::photo)
                .flatMap(p -> files.read(p.file()).map(bytes -> new Shown(p, bytes)));
    }
}
