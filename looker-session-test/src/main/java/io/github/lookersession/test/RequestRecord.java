package io.github.lookersession.test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * Facts about one request in flight, filled in while a {@link FakeLooker} serves it and
 * turned into a {@link JournalEntry} when the response is sent.
 */
final class RequestRecord {

	private final long sequence;

	private final Instant arrivedAt;

	private final LookerRequest request;

	private volatile @Nullable String sessionId;

	private volatile @Nullable String clientId;

	private volatile @Nullable String workspace;

	private volatile @Nullable String workspaceAfter;

	private volatile int status;

	private volatile boolean faultInjected;

	private final AtomicBoolean completed = new AtomicBoolean();

	RequestRecord(long sequence, Instant arrivedAt, LookerRequest request) {
		this.sequence = sequence;
		this.arrivedAt = arrivedAt;
		this.request = request;
	}

	void session(LookerSession session, @Nullable String workspace, String workspaceAfter) {
		this.sessionId = session.id();
		this.clientId = session.clientId();
		this.workspace = workspace;
		this.workspaceAfter = workspaceAfter;
	}

	void status(int status) {
		this.status = status;
	}

	int status() {
		return this.status;
	}

	void faultInjected() {
		this.faultInjected = true;
	}

	boolean isFaultInjected() {
		return this.faultInjected;
	}

	/**
	 * Marks the request as complete and returns whether this call did so, so that it is
	 * journaled and counted once.
	 */
	boolean complete() {
		return this.completed.compareAndSet(false, true);
	}

	JournalEntry toEntry(Instant completedAt) {
		return new JournalEntry(this.sequence, this.arrivedAt, completedAt, this.request.method(),
				this.request.apiVersion(), this.request.path(), this.sessionId, this.clientId, this.workspace,
				this.workspaceAfter, this.status, this.faultInjected);
	}

}
