package io.github.lookersession.token;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.util.Assert;

/**
 * Workspace that every new Looker API session is switched to.
 *
 * <p>
 * Starts as the configured workspace. A successful explicit selection replaces it, so
 * the latest choice wins over the configuration until the application restarts. Each
 * change increments a version, which the token manager compares with the version a token
 * was set up for, so a token whose session was set up for an older choice is replaced
 * before its next use.
 */
public final class DesiredWorkspace {

	private final AtomicReference<Selection> selection;

	/**
	 * Creates a holder that starts with the given workspace.
	 * @param initialWorkspaceId the configured workspace
	 */
	public DesiredWorkspace(String initialWorkspaceId) {
		Assert.hasText(initialWorkspaceId, "initialWorkspaceId cannot be empty");
		this.selection = new AtomicReference<>(new Selection(initialWorkspaceId, 0));
	}

	/**
	 * Returns the workspace that new sessions are switched to.
	 * @return the workspace id
	 */
	public String getWorkspaceId() {
		return this.selection.get().workspaceId();
	}

	long getVersion() {
		return this.selection.get().version();
	}

	Selection getSelection() {
		return this.selection.get();
	}

	long select(String workspaceId) {
		Assert.hasText(workspaceId, "workspaceId cannot be empty");
		return this.selection.updateAndGet((current) -> current.workspaceId().equals(workspaceId) ? current
				: new Selection(workspaceId, current.version() + 1))
			.version();
	}

	@Override
	public String toString() {
		return "DesiredWorkspace[" + getWorkspaceId() + "]";
	}

	record Selection(String workspaceId, long version) {

	}

}
