# All six applications published by one build, for deploy/images.sh: the three services, the gateway, the screens and
# the seed loader share their contracts and building blocks, which one build compiles once instead of six times. Each image's
# Dockerfile (the three services share services/Dockerfile) then takes its application from here (build argument
# PUBLISHED) instead of its own build stage; the result is the same files, from the same SDK, in Release. The output is only /publish/<image name>/. The gateway
# twice: as Kubernetes runs it (no development issuer) and as docker-compose.yml's demo runs it (with it).
# Build from the repository root (deploy/images.sh does):
#   podman build -f deploy/publish.Dockerfile -t joint-planning-build/published .

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401-noble

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY contracts/ contracts/
COPY services/ services/
COPY gateway/Platform.JointPlanning.Reads/ gateway/Platform.JointPlanning.Reads/
COPY gateway/Platform.Gateway/ gateway/Platform.Gateway/
COPY gateway/Platform.Screens/ gateway/Platform.Screens/
COPY gateway/Platform.Gateway.DevelopmentIssuer/ gateway/Platform.Gateway.DevelopmentIssuer/
COPY tools/Platform.SeedLoader/ tools/Platform.SeedLoader/
RUN set -e; \
    publish() { name=$1 project=$2; shift 2; dotnet publish "$project" -c Release -o "/publish/$name" -p:UseAppHost=false -nologo "$@"; }; \
    publish organization services/Organization/Platform.Organization.csproj; \
    publish home-affairs services/HomeAffairs/Platform.HomeAffairs.csproj; \
    publish delegate-affairs services/DelegateAffairs/Platform.DelegateAffairs.csproj; \
    publish gateway gateway/Platform.Gateway/Platform.Gateway.csproj; \
    publish gateway-development-issuer gateway/Platform.Gateway/Platform.Gateway.csproj -p:DevelopmentIssuer=true; \
    publish screens gateway/Platform.Screens/Platform.Screens.csproj; \
    publish seed-loader tools/Platform.SeedLoader/Platform.SeedLoader.csproj

FROM scratch
COPY --from=build /publish /publish
