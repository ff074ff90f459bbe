#!/bin/sh
# Stand-in for a document classifier: reads one document (JSON) on stdin and prints its type and urgency.
# It looks at the words a real classifier would weigh; the AI classify step replaces it later.
set -eu
doc=$(cat)
type=other; urgency=normal
case "$doc" in *[Ii]nvoice*) type=invoice ;; *[Cc]ontract*|*[Aa]greement*) type=contract ;; esac
case "$doc" in *[Uu]rgent*|*[Oo]verdue*|*[Oo]utage*|*ASAP*) urgency=high ;; esac
printf '{"type":"%s","urgency":"%s"}\n' "$type" "$urgency"
