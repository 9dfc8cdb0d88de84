// Times importing a generated docker compose file of 200 services and a Kubernetes manifest of
// 200 workloads (parse, map, lay out, validate) and evaluating the result (target: the whole
// `skyline-cli import ... | skyline-cli evaluate` within 200 ms), plus 1,200 of each. Prints
// the figures. Not run by CTest.
//
//   bench_import                              the in-process figures
//   bench_import --write FILE [N] [FORMAT]    a generated file of N services (200), FORMAT
//                                             compose (default) or kubernetes, for CLI timing

#include "engine/Evaluation.h"
#include "import/Import.h"
#include "io/ProjectJson.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

using namespace skyline;
using namespace skyline::importing;

namespace {

/// A compose file of `services` services of our own on five networks, behind a reverse proxy:
/// each calls up to three others through its environment, every tenth has a PostgreSQL
/// database, every seventh publishes to RabbitMQ, and all share one Redis.
std::string generateCompose(int services)
{
    std::string text = "name: generated\nservices:\n";
    text += "  proxy:\n    image: traefik:v3.0\n    ports: [\"80:80\", \"443:443\"]\n"
            "    depends_on: [svc-0]\n    networks: [net-0]\n";
    for (int i = 0; i < services; ++i) {
        const std::string name = "svc-" + std::to_string(i);
        text += "  " + name + ":\n    image: registry.example.com/shop/" + name + ":1.0\n";
        text += "    deploy:\n      replicas: " + std::to_string(1 + i % 3) +
                "\n      resources:\n        limits:\n          cpus: \"0.5\"\n"
                "          memory: 512M\n";
        text += "    environment:\n      LOG_LEVEL: info\n      CACHE_URL: redis://cache:6379\n";
        for (int callee = 3 * i + 1; callee <= 3 * i + 3 && callee < services; ++callee)
            text += "      SVC" + std::to_string(callee) + "_URL: http://svc-" +
                    std::to_string(callee) + ":8080/api\n";
        if (i % 10 == 9)
            text += "      DATABASE_URL: postgres://app:secret@db-" + std::to_string(i / 10) +
                    ":5432/app\n";
        if (i % 7 == 0)
            text += "      AMQP_URL: amqp://broker:5672\n";
        text += "    networks: [net-" + std::to_string(i % 5) + "]\n";
    }
    for (int d = 0; d < services / 10; ++d)
        text += "  db-" + std::to_string(d) + ":\n    image: postgres:16\n    networks: [net-" +
                std::to_string(d % 5) + "]\n";
    text += "  cache:\n    image: redis:7\n    networks: [net-0]\n";
    text += "  broker:\n    image: rabbitmq:3.13\n    networks: [net-0]\n";
    return text;
}

const char *const namespaces[] = {"shop", "payments", "catalog", "accounts", "ops"};

/// `workloads` Deployments (every 25th runs PostgreSQL, the one before it Redis) with a
/// Service each, in five namespaces; each calls up to three later ones through env URLs in
/// cluster DNS form, every third has an autoscaler, and one Ingress fronts every fifth.
std::string generateManifest(int workloads)
{
    std::string text;
    std::string ingressPaths;
    for (int i = 0; i < workloads; ++i) {
        const std::string name = "svc-" + std::to_string(i);
        const std::string ns = namespaces[i % 5];
        const std::string image = i % 25 == 24   ? "postgres:16"
                                  : i % 25 == 23 ? "redis:7"
                                                 : "registry.example.com/shop/" + name + ":1.0";
        text += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name +
                ", namespace: " + ns + "}\nspec:\n  replicas: " + std::to_string(1 + i % 4) +
                "\n  selector: {matchLabels: {app: " + name +
                "}}\n  template:\n    metadata: "
                "{labels: {app: " +
                name +
                "}}\n    spec:\n      containers:\n        - name: "
                "main\n          image: " +
                image +
                "\n          resources:\n            "
                "requests: {cpu: " +
                std::to_string(250 + 50 * (i % 8)) +
                "m, memory: " + std::to_string(256 * (1 + i % 4)) +
                "Mi}\n          env:\n            - {name: "
                "LOG_LEVEL, value: info}\n";
        for (int callee = 3 * i + 1; callee <= 3 * i + 3 && callee < workloads; ++callee)
            text += "            - {name: SVC" + std::to_string(callee) +
                    "_URL, value: \"http://svc-" + std::to_string(callee) + "." +
                    namespaces[callee % 5] + ".svc.cluster.local:8080/api\"}\n";
        text += "---\napiVersion: v1\nkind: Service\nmetadata: {name: " + name +
                ", namespace: " + ns + "}\nspec:\n  selector: {app: " + name +
                "}\n  ports: [{port: 8080}]\n";
        if (i % 3 == 0)
            text += "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: "
                    "{name: " +
                    name + ", namespace: " + ns +
                    "}\nspec:\n  scaleTargetRef: "
                    "{apiVersion: apps/v1, kind: Deployment, name: " +
                    name +
                    "}\n  "
                    "minReplicas: 2\n  maxReplicas: 20\n  metrics:\n    - type: Resource\n"
                    "      resource: {name: cpu, target: {type: Utilization, "
                    "averageUtilization: 60}}\n";
        if (i % 5 == 0)
            ingressPaths += "          - {path: /" + name +
                            ", pathType: Prefix, backend: "
                            "{service: {name: " +
                            name + ", port: {number: 8080}}}}\n";
    }
    text += "---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: edge, "
            "namespace: shop}\nspec:\n  rules:\n    - http:\n        paths:\n" +
            ingressPaths;
    return text;
}

/// CPU time of this thread in ms: the machine is shared, so wall time would count the waits.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

template <typename F> double medianMs(int runs, F f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const double start = threadCpuMs();
        f();
        times.push_back(threadCpuMs() - start);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

size_t lineCount(const std::string &text)
{
    return std::count(text.begin(), text.end(), '\n');
}

struct Generator
{
    const char *label; ///< "compose", "kubernetes"
    const char *unit;  ///< "services", "workloads"
    std::string (*generate)(int count);
};

const Generator generators[] = {{"compose", "services", generateCompose},
                                {"kubernetes", "workloads", generateManifest}};

void measure(const Generator &generator)
{
    const SourceFile file{"generated.yaml", generator.generate(200)};
    ImportResult result;
    const double importMs = medianMs(15, [&] { result = importFiles({file}); });
    if (!result.ok()) {
        std::fprintf(stderr, "%s: import failed: %s\n", generator.label,
                     result.errors.front().c_str());
        return;
    }
    EvalOptions options;
    options.computeSeries = false;
    const double evaluateMs = medianMs(15, [&] {
        const Evaluation e = evaluate(*result.project, options);
        if (!e.candidates.front().errors.empty())
            std::fprintf(stderr, "evaluation error: %s\n",
                         e.candidates.front().errors[0].message.c_str());
    });
    const double writeMs = medianMs(15, [&] { (void)writeProject(*result.project); });
    const SourceFile big{"big.yaml", generator.generate(1200)};
    ImportResult bigResult;
    const double bigMs = medianMs(5, [&] { bigResult = importFiles({big}); });

    std::printf("%s, 200 %s (%zu lines): %d nodes, %d edges, %d contexts\n", generator.label,
                generator.unit, lineCount(file.text), result.summary.nodes, result.summary.edges,
                result.summary.contexts);
    std::printf("  import (parse, map, lay out, validate): %7.2f ms\n", importMs);
    std::printf("  evaluate (analytic):                    %7.2f ms\n", evaluateMs);
    std::printf("  write the project (canonical JSON):     %7.2f ms\n", writeMs);
    std::printf(
        "  together:                               %7.2f ms (target: whole process <= 200 ms)\n",
        importMs + evaluateMs + writeMs);
    std::printf("%s, 1,200 %s (%zu lines): import %.2f ms (%d nodes%s)\n", generator.label,
                generator.unit, lineCount(big.text), bigMs, bigResult.summary.nodes,
                bigResult.ok() ? "" : ", FAILED");
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "--write") == 0) {
        const int count = argc >= 4 ? std::max(1, std::atoi(argv[3])) : 200;
        const bool kubernetes = argc >= 5 && std::strcmp(argv[4], "kubernetes") == 0;
        std::ofstream(argv[2]) << generators[kubernetes ? 1 : 0].generate(count);
        return 0;
    }
    std::printf("(CPU time of one thread, median)\n");
    for (const Generator &generator : generators)
        measure(generator);
    return 0;
}
