#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter for Rasa 3.6: python3.10 on PATH if it
# really runs, else the newest pyenv 3.10.x. Exit 1 with advice when there is none.
set -euo pipefail
if command -v python3.10 >/dev/null 2>&1 && python3.10 -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then
  python3.10 -c 'import sys; print(sys.executable)'
  exit 0
fi
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  candidate=$(ls -d "$root"/versions/3.10.*/bin/python 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$candidate" && -x "$candidate" ]]; then
    echo "$candidate"
    exit 0
  fi
fi
cat >&2 <<'MSG'
Faro's NLU (Rasa Open Source 3.6.21) needs Python 3.10, and none was found.
Install it, for example:
  Debian/Ubuntu with deadsnakes:  sudo apt-get install python3.10 python3.10-venv
  pyenv:                          pyenv install 3.10.13
then run the make command again.
MSG
exit 1
