package io.github.lookersession.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Completed requests of a {@link FakeLooker}, in arrival order.
 */
final class Journal {

	private final AtomicLong sequence = new AtomicLong();

	private final List<JournalEntry> entries = new ArrayList<>();

	RequestRecord begin(LookerRequest request, Instant arrivedAt) {
		return new RequestRecord(this.sequence.incrementAndGet(), arrivedAt, request);
	}

	void complete(RequestRecord record, Instant completedAt) {
		JournalEntry entry = record.toEntry(completedAt);
		synchronized (this.entries) {
			this.entries.add(entry);
		}
	}

	List<JournalEntry> entries() {
		List<JournalEntry> snapshot;
		synchronized (this.entries) {
			snapshot = new ArrayList<>(this.entries);
		}
		snapshot.sort(Comparator.comparingLong(JournalEntry::sequence));
		return List.copyOf(snapshot);
	}

	void clear() {
		synchronized (this.entries) {
			this.entries.clear();
		}
	}

}
