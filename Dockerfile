# vpclint in a container: the static binary alone, built from this checkout.
#
#   docker build -t vpclint .
#   docker run --rm -v "$PWD:/src" vpclint .                  # lint the current directory
#   docker run --rm -i vpclint - < template.yaml              # standard input
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/src" vpclint --format sarif -o vpclint.sarif .
#
# The pre-commit hook `vpclint-docker` (.pre-commit-hooks.yaml) builds this file. The build stage
# runs what CI runs: scripts/install-deps.sh, then the Makefile's `static` target (the fully static
# build-static/vpclint). The tests in tests/distribution/ hold this file to that.

FROM debian:12 AS build
WORKDIR /vpclint
# The dependency script alone first, so its layer (the Debian packages) is reused until the
# script changes; `make static` runs it again, which then installs nothing.
COPY scripts/install-deps.sh scripts/install-deps.sh
RUN ./scripts/install-deps.sh
COPY . .
RUN make static
# The final stage has no loader and no libc: refuse a binary that would need them (ldd exits
# non-zero, "not a dynamic executable", only for a static one), and one that does not run.
RUN ./build-static/vpclint --version && ! ldd build-static/vpclint
# The licences of what the static binary holds: vpclint's own, the data it embeds, and the
# Debian copyright file of every library linked into it.
RUN mkdir -p /out/usr/share/doc/vpclint \
 && cp LICENSE /out/usr/share/doc/vpclint/ \
 && cp -r licenses /out/usr/share/doc/vpclint/licenses \
 && for p in libyaml-cpp-dev libre2-dev libtomlplusplus-dev libcli11-dev nlohmann-json3-dev \
             libc6-dev libstdc++-12-dev libgcc-12-dev; do \
      mkdir -p "/out/usr/share/doc/$p" && cp "/usr/share/doc/$p/copyright" "/out/usr/share/doc/$p/"; \
    done

# scratch: nothing but the binary (vpclint runs no other program to lint, reads no /etc file and
# writes only the files it is told to with -o or --write-baseline).
FROM scratch
LABEL org.opencontainers.image.title="vpclint" \
      org.opencontainers.image.description="Finds the Lambda functions in SAM/CloudFormation templates that will hang or fail to deploy because of their VPC"
COPY --from=build /out/ /
COPY --from=build /vpclint/build-static/vpclint /usr/local/bin/vpclint
# Not root. scratch has no /etc/passwd, hence a number (distroless's "nonroot"); `docker run -u`
# (which pre-commit passes) replaces it with the caller's own uid, which can write reports.
USER 65532:65532
# The directory to mount the repository on; vpclint's paths and SARIF URIs are relative to it.
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/vpclint"]
CMD ["."]
