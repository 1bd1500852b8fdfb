# Kubedeck's build, demo and test entry points. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
TAGS    := webkit2_41
LDFLAGS := -X main.version=$(VERSION)
CACHE   ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/kubedeck
DEVCLUSTER := $(CACHE)/bin/devcluster
APP     := build/bin/kubedeck
APT_PACKAGES := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config gcc xvfb imagemagick chromium xdotool xauth iproute2 \
                nsis p7zip-full librsvg2-bin desktop-file-utils

.PHONY: help deps sysdeps npmdeps build contract frontend devcluster demo run serve-demo test test-on-cluster package package-smoke vet bench clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

deps: sysdeps npmdeps ## install everything a fresh machine lacks

sysdeps: ## system packages (apt-get as root, else prints the command)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "system packages: all present"; \
	elif [ "$$(id -u)" = 0 ]; then echo "installing: $$missing"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "Please run: sudo apt-get install -y $$missing"; exit 1; fi

npmdeps: ## frontend and end-to-end test packages
	@[ -d frontend/node_modules ] && [ frontend/node_modules/.package-lock.json -nt frontend/package-lock.json ] || (cd frontend && npm ci --no-audit --no-fund)
	@[ -d e2e/node_modules ] && [ e2e/node_modules/.package-lock.json -nt e2e/package-lock.json ] || (cd e2e && npm ci --no-audit --no-fund)

contract: ## regenerate frontend/src/api/contract.gen.ts from the Go types (TestContractUpToDate checks it)
	go run ./app/contract/gen

frontend: ## build the frontend into frontend/dist
	cd frontend && npm run build

build: npmdeps frontend ## build the desktop app into build/bin/kubedeck
	go tool wails build -s -skipbindings -m -nosyncgomod -tags $(TAGS) -ldflags "$(LDFLAGS)" -o kubedeck

devcluster: ## build the local cluster tool (its Kubernetes binaries are cached in $(CACHE))
	cd devcluster && go build -o $(DEVCLUSTER) ./cmd/devcluster
	$(DEVCLUSTER) build

demo: deps build devcluster ## start the demo cluster and open Kubedeck on it; closing the app stops the cluster
	$(DEVCLUSTER) exec -- $(APP) --kubeconfig '{kubeconfig}'

serve-demo: deps build devcluster ## the browser shell on the demo cluster
	$(DEVCLUSTER) exec -- $(APP) serve --kubeconfig '{kubeconfig}'

run: deps build ## open Kubedeck on your own kubeconfig
	$(APP)

package: deps frontend ## build the .deb, .rpm, .tar.gz and Windows installer into dist/packages and print their sizes
	VERSION=$(patsubst v%,%,$(VERSION)) scripts/package.sh dist/packages

package-smoke: devcluster ## install the .deb from dist/packages and start it on the local cluster under Xvfb
	$(DEVCLUSTER) exec -- scripts/package-smoke.sh

vet:
	go vet ./...
	cd devcluster && go vet ./...

test: deps build devcluster vet package ## run every test: Go, fuzz, frontend, end to end, desktop and package smoke
	cd frontend && npm run typecheck && npm run lint && npm test
	cd plugins && npm test
	cd devcluster && go test -count=1 ./...
	# Each Go fuzz target for FUZZTIME inputs (default 10000x); their seed corpora also run in test-on-cluster.
	scripts/fuzz.sh
	$(DEVCLUSTER) exec -- $(MAKE) --no-print-directory test-on-cluster

# Runs inside `devcluster exec`: one shared cluster for every suite.
test-on-cluster:
	go test -race -count=1 -timeout 20m -skip '^TestStreamSurvivesAnAPIServerRestart$$' ./...
	# Restarts the shared API server: alone, after the others.
	go test -race -count=1 -run '^TestStreamSurvivesAnAPIServerRestart$$' ./app/resources
	cd e2e && npm test
	scripts/desktop-smoke.sh
	scripts/package-smoke.sh

bench: deps build devcluster ## speed and memory figures against kubectl and the raw API
	go test -run '^$$' -bench . -benchtime 20x ./app/kubeconfig/ ./app/rbac/ ./app/helm/
	$(DEVCLUSTER) exec --pods-bench 10000 --namespaces-bench 20 --events-bench 1000 -- node e2e/bench.mjs
	# 500 Helm releases over 50 namespaces: the releases list, cold and warm, beside helm list -A.
	$(DEVCLUSTER) exec --helm-releases-bench 500 --namespaces-bench 50 -- node e2e/bench-helm.mjs
	# 10,000 log lines/s into the open log view for 5 minutes (BENCH_LOGS_SECONDS to change).
	$(DEVCLUSTER) exec -- node e2e/bench-logs.mjs --duration $(or $(BENCH_LOGS_SECONDS),300)

clean:
	rm -rf build/bin frontend/dist/assets frontend/dist/index.html test-results dist
