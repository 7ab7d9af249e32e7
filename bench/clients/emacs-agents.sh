#!/usr/bin/env bash
# Runs Khoj's unmodified Emacs client (khoj.el) in batch mode against a khoj4j server: it lists the agents the way
# its agent picker does, then starts a chat session with one, and the server's history must report that agent.
#
#   bench/clients/emacs-agents.sh <path to khoj.el> <server URL> <API token> <agent slug>
#
# khoj.el is Khoj's own file (AGPL; not part of this repository): take it from a Khoj checkout
# (src/interface/emacs/khoj.el). Needs Emacs >= 27.1 and the dash library (Debian: emacs-nox elpa-dash);
# transient ships with Emacs 28.
set -euo pipefail
KHOJ_EL="$1" SERVER="$2" TOKEN="$3" SLUG="$4"
DASH_DIR="$(dirname "$(find /usr/share/emacs/site-lisp/elpa /usr/share/emacs/site-lisp/elpa-src -name 'dash.el' 2>/dev/null | head -n 1)")"
[ -f "$DASH_DIR/dash.el" ] || { echo "dash.el not found: install elpa-dash" >&2; exit 2; }
emacs --batch -Q \
  --eval "(add-to-list 'load-path \"$DASH_DIR\")" \
  --eval "(setq debug-on-error t)" \
  -l "$KHOJ_EL" \
  --eval "(progn
    (setq khoj-server-url \"$SERVER\" khoj-api-key \"$TOKEN\")
    (let* ((agents (khoj--get-agents))
           (slugs (mapcar #'cdr agents)))
      (princ (format \"agents listed: %S\n\" agents))
      (unless (member \"khoj\" slugs) (error \"the default agent khoj is not listed\"))
      (unless (member \"$SLUG\" slugs) (error \"agent $SLUG is not listed\"))
      (let* ((session (khoj--create-chat-session \"$SLUG\"))
             (id (cdr (assoc 'conversation_id session)))
             (history (khoj--call-api \"/api/chat/history\" \"GET\" (list (list \"conversation_id\" id))))
             (agent (cdr (assoc 'agent (cdr (assoc 'response history))))))
        (princ (format \"session %s with agent %S\n\" id agent))
        (unless (equal (cdr (assoc 'slug agent)) \"$SLUG\") (error \"the session's agent is not $SLUG\"))
        (princ \"ok: the Emacs client listed the agents and started a session with $SLUG\n\"))))"
