#!/usr/bin/env bash
# The first step of the README's test command (and so of .ci/run): checks in seconds everything
# the suite needs — Node and node_modules, MariaDB and Redis reachable with the tests' logins,
# the server binaries the fault suite starts privately, nginx, Chromium, a CJK font, free ports.
# As root with apt it installs and starts what is missing; otherwise it names each missing piece
# with the command that provides it and stops, before any test has run.
#   PREREQUISITES_INSTALL=0  never install, only check (also as root)
set -uo pipefail
cd "$(dirname "$0")/.."

mariadb_url=${TEST_MARIADB_URL:-mariadb://root@127.0.0.1:3306}
redis_url=${TEST_REDIS_URL:-redis://127.0.0.1:6379}
e2e_port=${E2E_PORT:-4310}
sudo=''
[ "$(id -u)" -eq 0 ] || sudo='sudo '

# Each check that fails adds the Debian package that provides it (if any) and a line for the user.
packages=()
problems=()
services=()

missing() { # package, description, command a user runs
  [ -n "$1" ] && packages+=("$1")
  problems+=("$2"$'\n'"      → $3")
}

url_part() { # url, part (host|port|user|password)
  node -e '
    const u = new URL(process.argv[1]);
    const part = { host: u.hostname, port: u.port, user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) }[process.argv[2]];
    process.stdout.write(part ?? "");' "$1" "$2"
}

is_local() { [ "$1" = 127.0.0.1 ] || [ "$1" = localhost ] || [ "$1" = ::1 ]; }

check_node() {
  if ! command -v node >/dev/null; then
    missing '' 'Node.js 20.19 or newer is not installed' 'install Node.js 20 (https://nodejs.org) and run npm ci'
    return 1
  fi
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    missing '' "Node.js $(node --version) is too old (20.19 or newer)" 'install Node.js 20 (https://nodejs.org)'
  fi
  if [ ! -d node_modules/jest ] || [ ! -d node_modules/mysql2 ]; then
    missing '' 'node_modules is missing or incomplete' 'npm ci'
    return 1
  fi
}

mariadb_host=127.0.0.1 mariadb_port=3306
check_mariadb() {
  mariadb_host=$(url_part "$mariadb_url" host)
  mariadb_port=$(url_part "$mariadb_url" port)
  mariadb_port=${mariadb_port:-3306}
  local answer
  answer=$(
    node -e '
      const mysql = require("mysql2/promise");
      const u = new URL(process.argv[1].replace(/^mariadb:/, "mysql:"));
      mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || "root"), password: decodeURIComponent(u.password), connectTimeout: 3000 })
        .then(async (c) => { const [rows] = await c.query("SELECT VERSION() AS v"); console.log("ok " + rows[0].v); await c.end(); })
        .catch((e) => { console.log(e.code || e.message); });' "$mariadb_url" 2>&1
  )
  case "$answer" in
    ok*) mariadb_version=${answer#ok } ;;
    ER_*) # the server answered, but not to this login
      services+=(mariadb-auth)
      missing '' "MariaDB at $mariadb_host:$mariadb_port refuses the tests' login as $(url_part "$mariadb_url" user) ($answer)" \
        "${sudo}mariadb -e \"ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')\"" ;;
    *)
      if is_local "$mariadb_host" && [ -x /usr/sbin/mariadbd ]; then
        services+=(mariadb)
        missing '' "MariaDB is installed but not running on $mariadb_host:$mariadb_port ($answer)" \
          "${sudo}start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"
      else
        missing mariadb-server "MariaDB does not answer at $mariadb_host:$mariadb_port ($answer)" \
          "${sudo}apt-get install -y mariadb-server mariadb-client && ${sudo}start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd (or set TEST_MARIADB_URL)"
      fi ;;
  esac
}

redis_host=127.0.0.1 redis_port=6379
check_redis() {
  redis_host=$(url_part "$redis_url" host)
  redis_port=$(url_part "$redis_url" port)
  redis_port=${redis_port:-6379}
  local reply=''
  if { exec 3<>"/dev/tcp/$redis_host/$redis_port"; } 2>/dev/null; then
    printf 'PING\r\n' >&3
    read -r -t 3 reply <&3
    exec 3<&- 3>&-
  fi
  if [ "${reply%$'\r'}" != '+PONG' ]; then
    if is_local "$redis_host" && command -v redis-server >/dev/null; then
      services+=(redis)
      missing '' "Redis is installed but does not answer on $redis_host:$redis_port" \
        "redis-server --daemonize yes --bind 127.0.0.1 --port $redis_port --save ''"
    else
      missing redis-server "Redis does not answer at $redis_host:$redis_port" \
        "${sudo}apt-get install -y redis-server && redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' (or set TEST_REDIS_URL)"
    fi
  fi
}

check_binaries() {
  # The fault suite starts a MariaDB, a Redis and nginx of its own (so it can kill them).
  if [ ! -x /usr/sbin/mariadbd ] || ! command -v mariadb-install-db >/dev/null; then
    missing mariadb-server 'mariadbd and mariadb-install-db (the fault suite runs a private MariaDB) are not installed' \
      "${sudo}apt-get install -y mariadb-server"
  fi
  command -v redis-server >/dev/null ||
    missing redis-server 'redis-server (the queue tests and the fault suite start their own) is not installed' \
      "${sudo}apt-get install -y redis-server"
  [ -x /usr/sbin/nginx ] ||
    missing nginx-light 'nginx (the fault suite puts two APIs behind it) is not installed' \
      "${sudo}apt-get install -y nginx-light"
  [ -x /usr/bin/chromium ] ||
    missing chromium "Debian's Chromium (/usr/bin/chromium, for the browser tests) is not installed" \
      "${sudo}apt-get install -y chromium"
  if ! command -v fc-list >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    missing fonts-wqy-zenhei 'no CJK font (Chinese pages would render as boxes in the browser tests)' \
      "${sudo}apt-get install -y fonts-wqy-zenhei"
  fi
}

check_ports() {
  if { exec 3<>"/dev/tcp/127.0.0.1/$e2e_port" && exec 3<&- 3>&-; } 2>/dev/null; then
    missing '' "port $e2e_port (the browser tests' portal) is already in use" \
      "stop what listens there, or set E2E_PORT to a free port"
  fi
}

check_all() {
  packages=() problems=() services=()
  check_node || return
  check_mariadb
  check_redis
  check_binaries
  check_ports
}

install_and_start() {
  local unique
  if [ ${#packages[@]} -gt 0 ]; then
    mapfile -t unique < <(printf '%s\n' "${packages[@]}" | sort -u)
    [[ " ${unique[*]} " == *' mariadb-server '* ]] && unique+=(mariadb-client)
    printf '== Installing %s\n' "${unique[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${unique[@]}" || return 1
  fi
  check_all
  if [[ " ${services[*]} " == *' mariadb '* ]]; then
    echo '== Starting MariaDB'
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    for _ in $(seq 1 60); do
      mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1 && break
      sleep 0.5
    done
    check_all
  fi
  if [[ " ${services[*]} " == *' mariadb-auth '* ]]; then
    echo "== Letting root log in over TCP with the tests' empty password"
    mariadb -uroot -e "ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')"
  fi
  if [[ " ${services[*]} " == *' redis '* ]]; then
    echo '== Starting Redis'
    redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no >/dev/null
    for _ in $(seq 1 30); do
      redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
      sleep 0.2
    done
  fi
}

report() {
  printf '\nThe test suite cannot run on this machine yet. Missing:\n' >&2
  for problem in "${problems[@]}"; do printf '  - %s\n' "$problem" >&2; done
  printf '\nRun the commands above (or run this check as root: it installs them), then npm test again.\n' >&2
}

check_all
if [ ${#problems[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ] && [ "${PREREQUISITES_INSTALL:-1}" != 0 ] &&
  command -v apt-get >/dev/null; then
  install_and_start
  check_all
fi
if [ ${#problems[@]} -gt 0 ]; then
  report
  exit 1
fi
printf 'Prerequisites: node %s, MariaDB %s at %s:%s, Redis at %s:%s, nginx, Chromium, CJK font, port %s free\n' \
  "$(node --version)" "${mariadb_version:-?}" "$mariadb_host" "$mariadb_port" "$redis_host" "$redis_port" "$e2e_port"
