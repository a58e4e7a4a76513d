package io.github.lookersession.sample;

import java.util.List;

import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerApiException;
import io.github.lookersession.LookerSessionClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP endpoints that read the Looker API session and select its workspace, with JSON
 * bodies in Looker's field names, such as {@code {"workspace_id":"dev", ...}}.
 */
@RestController
@RequestMapping("/session")
class SessionController {

	private static final List<String> WORKSPACES = List.of(ApiSession.PRODUCTION_WORKSPACE,
			ApiSession.DEV_WORKSPACE);

	private static final Log logger = LogFactory.getLog(SessionController.class);

	private final LookerSessionClient looker;

	SessionController(LookerSessionClient looker) {
		this.looker = looker;
	}

	@GetMapping
	Mono<ApiSession> getSession() {
		return this.looker.getSession();
	}

	/**
	 * Selects a workspace for the current session. Later logins select it too, until the
	 * application restarts.
	 * @param workspaceId {@code production} or {@code dev}
	 * @return the updated session
	 */
	@PostMapping("/workspace/{workspaceId}")
	Mono<ApiSession> selectWorkspace(@PathVariable String workspaceId) {
		if (!WORKSPACES.contains(workspaceId)) {
			return Mono.error(new InvalidWorkspaceException(workspaceId));
		}
		return this.looker.selectWorkspace(workspaceId);
	}

	@ExceptionHandler
	ProblemDetail handleInvalidWorkspace(InvalidWorkspaceException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	// A failed Looker call is a failure of the upstream server, whatever status Looker
	// returned, so the sample returns 502 and passes Looker's message on.
	@ExceptionHandler
	ProblemDetail handleLookerFailure(LookerApiException ex) {
		logger.warn("Looker call failed: " + ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		HttpStatusCode lookerStatus = ex.getStatusCode();
		if (lookerStatus != null) {
			problem.setProperty("looker_status", lookerStatus.value());
		}
		return problem;
	}

	/**
	 * Thrown when a request names a workspace other than {@code production} and
	 * {@code dev}.
	 */
	static class InvalidWorkspaceException extends RuntimeException {

		InvalidWorkspaceException(String workspaceId) {
			super("'" + workspaceId + "' is not a Looker workspace; use production or dev");
		}

	}

}
