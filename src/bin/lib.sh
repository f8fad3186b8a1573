# Shared helpers for src/bin scripts. Source it; do not run it.

# Finds a JDK 21+ (JAVA_HOME, the java on PATH, or the newest under /usr/lib/jvm) and exports JAVA_HOME.
find_jdk() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    v=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="${candidate%/}"
      return 0
    fi
  done
  echo "No JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. apt-get install openjdk-21-jdk-headless." >&2
  return 1
}

# Installs Debian packages that are missing (needs root, as on CI).
ensure_debs() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Install them (apt-get install ${missing[*]}) and run again." >&2
    return 1
  fi
  echo "Installing ${missing[*]} ..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Starts a private, throwaway MariaDB on loopback (no systemd). Exports MDB_DIR, MDB_PORT, MDB_SOCKET.
# MDB_BUFFER_POOL and MDB_LOG_FILE_SIZE size InnoDB's buffer pool and redo log (defaults 256M and 96M, enough for
# the tests). The load drivers write millions of rows and want a production server's sizes: 2G and 1G (with a
# 256M pool a 620,000-message flood re-read its pages from disk; with a 96M redo log its p99 doubled).
start_private_mariadb() {
  MDB_DIR=$(mktemp -d)/mdb
  chmod 755 "$(dirname "$MDB_DIR")"   # mariadbd runs as mysql and must reach its directory
  MDB_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 3307)
  MDB_SOCKET="$MDB_DIR/run/mysqld.sock"
  mkdir -p "$MDB_DIR/data" "$MDB_DIR/run"
  local user=mysql
  id mysql >/dev/null 2>&1 || user=$(id -un)
  chown -R "$user" "$MDB_DIR" 2>/dev/null || true
  if ! mariadb-install-db --no-defaults --user="$user" --datadir="$MDB_DIR/data" \
      --auth-root-authentication-method=socket --skip-test-db >"$MDB_DIR/install.log" 2>&1; then
    cat "$MDB_DIR/install.log" >&2
    return 1
  fi
  mariadbd --no-defaults --user="$user" --datadir="$MDB_DIR/data" --socket="$MDB_SOCKET" \
    --pid-file="$MDB_DIR/run/mysqld.pid" --port="$MDB_PORT" --bind-address=127.0.0.1 --skip-name-resolve \
    --log-error="$MDB_DIR/error.log" --innodb-buffer-pool-size="${MDB_BUFFER_POOL:-256M}" \
    --innodb-log-file-size="${MDB_LOG_FILE_SIZE:-96M}" --innodb-flush-log-at-trx-commit=1 \
    --max-connections=500 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci &
  local i
  for i in $(seq 1 300); do
    mariadb-admin --no-defaults --socket="$MDB_SOCKET" -uroot ping >/dev/null 2>&1 && break
    if [ "$i" -eq 300 ]; then
      echo "MariaDB did not start:" >&2
      tail -20 "$MDB_DIR/error.log" >&2
      return 1
    fi
    sleep 0.1
  done
  mariadb --no-defaults --socket="$MDB_SOCKET" -uroot -e "
    CREATE USER 'hotline'@'127.0.0.1' IDENTIFIED BY 'hotline-test';
    CREATE USER 'hotline'@'localhost' IDENTIFIED BY 'hotline-test';
    GRANT ALL ON *.* TO 'hotline'@'127.0.0.1'; GRANT ALL ON *.* TO 'hotline'@'localhost';
    CREATE DATABASE hotline CHARACTER SET utf8mb4;"
  export MDB_DIR MDB_PORT MDB_SOCKET
  echo "Private MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$MDB_PORT" >&2
}

stop_private_mariadb() {
  [ -n "${MDB_SOCKET:-}" ] || return 0
  mariadb-admin --no-defaults --socket="$MDB_SOCKET" -uroot shutdown >/dev/null 2>&1 || true
  rm -rf "$(dirname "$MDB_DIR")"
}

# Fetches the browser files the gateway serves under /vendor (SIP.js, ECharts) from npm into src/web-vendor/node_modules,
# checked against package-lock.json's integrity hashes (`npm ci`). Runs only when the lock changed since the last
# install; installs Debian's npm when it is missing and we are root (as on CI).
ensure_web_vendor() {
  local dir="$1/src/web-vendor"
  if [ -f "$dir/node_modules/.package-lock.json" ] && [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    return 0
  fi
  command -v npm >/dev/null || ensure_debs nodejs npm
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
}
