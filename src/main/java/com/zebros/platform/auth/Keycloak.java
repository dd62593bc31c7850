package com.zebros.platform.auth;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.core.Output;
import com.zebros.platform.StackContext;
import com.zebros.platform.StatefulOptions;
import com.zebros.platform.StoredSecret;
import com.zebros.platform.ZebrosComponent;
import com.zebros.platform.compute.ContainerCluster;
import com.zebros.platform.compute.ContainerSpec;
import com.zebros.platform.compute.FargatePlacement;
import com.zebros.platform.compute.FargateTaskDefinition;
import com.zebros.platform.compute.LoadBalancedFargateService;
import com.zebros.platform.config.PhaseTable;
import com.zebros.platform.config.Range;
import com.zebros.platform.config.RoleDecisions;
import com.zebros.platform.config.TaskSize;
import com.zebros.platform.iam.PolicyDocument;
import com.zebros.platform.iam.ServiceRole;
import com.zebros.platform.images.ContainerImages;
import com.zebros.platform.network.Network;
import com.zebros.platform.network.SecurityRule;
import com.zebros.platform.ops.LogGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak on Fargate behind its load balancer, on the Aurora database. The database login and the
 * bootstrap admin password reach the container as ECS secrets from Secrets Manager
 * (https://www.keycloak.org/server/db), never in the plain environment. Nodes find each other through the database
 * (jdbc-ping, Keycloak 26's default) and talk on 7800/57800 inside their own security group
 * (https://www.keycloak.org/server/caching).
 */
public final class Keycloak extends ZebrosComponent {
    public static final String REALM = "zebros";
    public static final String ADMIN_USER = "zebros-admin";
    private static final List<Integer> CLUSTER_PORTS = List.of(7800, 57800);

    private final KeycloakLoadBalancer loadBalancer;
    private final SecurityGroup tasks;
    private final Service service;

    /**
     * Keycloak's tasks.
     *
     * @param task          each task's CPU and memory
     * @param tasks         the task range
     * @param targetPercent the CPU and memory utilisation scaling holds
     */
    public record Size(TaskSize task, Range tasks, double targetPercent) {
        /**
         * The phase's tasks; a secondary's Keycloak stands by at zero tasks with its full range registered.
         * Keycloak writes on every login and cannot run on a read-only secondary database
         * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html), and Aurora
         * PostgreSQL's write forwarding would send each of those writes across the ocean; the failover runbook raises
         * the minimum once the secondary is promoted.
         */
        public static Size forPhase(PhaseTable phases, RoleDecisions decisions) {
            Range phaseTasks = phases.keycloakTasks();
            Range tasks = decisions.keycloakStandsBy() ? new Range(0, phaseTasks.max()) : phaseTasks;
            return new Size(phases.keycloakTaskSize(), tasks, phases.scalingTargetPercent());
        }
    }

    /**
     * What Keycloak uses (the network, the container cluster, its image, its database, and the bootstrap admin's
     * password: the config secret {@code zebros:keycloakAdminPassword}), its tasks, and the names its load balancer
     * answers.
     */
    public record Args(
            Network network,
            ContainerCluster cluster,
            ContainerImages images,
            AuthDatabase database,
            com.zebros.platform.config.Secret adminPassword,
            Size size,
            KeycloakLoadBalancer.Names names) {}

    public Keycloak(String name, StackContext stack, Args args) {
        super("zebros:auth:Keycloak", name, stack);
        Network network = args.network();
        AuthDatabase database = args.database();
        var naming = stack.naming();
        loadBalancer = new KeycloakLoadBalancer(
                name + "-lb", stack, new KeycloakLoadBalancer.Args(network, args.names()), childComponent());

        tasks = new SecurityGroup(
                name + "-tasks",
                SecurityGroupArgs.builder()
                        .name(naming.physical("keycloak"))
                        .description("Keycloak tasks: traffic from the load balancer, cluster traffic from each other")
                        .vpcId(network.vpcId())
                        .build(),
                child());
        allowTraffic(name, network, database);

        var adminSecret = new StoredSecret(
                        name + "-admin",
                        "zebros/" + stack.stackName() + "/keycloak-admin",
                        "Keycloak bootstrap admin password",
                        Optional.of(database.key().arn()),
                        args.adminPassword().reveal(),
                        stack.deletionProtection())
                .create(StatefulOptions.secret(stack.deletionProtection(), this, stack.provider()), child());

        var logGroup = LogGroups.create(name + "-logs", "/zebros/" + stack.stackName() + "/keycloak", stack, child());

        var executionRole = executionRole(name, args.images(), database, adminSecret.arn(), logGroup);
        // Keycloak itself calls no AWS API: its task role has no permissions.
        var taskRole = new ServiceRole(
                name + "-task",
                naming.physical("keycloak-task"),
                "ecs-tasks.amazonaws.com",
                new PolicyDocument(),
                child());

        var container = container(stack, args.images(), database, adminSecret.arn(), logGroup);

        var task = FargateTaskDefinition.create(
                name, naming.physical("keycloak"), args.size().task(), executionRole, taskRole, container, child());

        // Keycloak takes a minute or two to start; the grace keeps the load balancer from killing it meanwhile.
        // Logins are CPU-bound (password hashing), sessions and caches hold memory: the seeds' "CPU/memory > 70 %".
        service = new LoadBalancedFargateService(
                        new LoadBalancedFargateService.Args(
                                name,
                                naming.physical("keycloak"),
                                new FargatePlacement(
                                        args.cluster(), task.arn(), Output.all(network.appSubnetIds()), tasks.id()),
                                new LoadBalancedFargateService.Balancing(
                                        loadBalancer.targetGroupArn(),
                                        "keycloak",
                                        KeycloakLoadBalancer.HTTP_PORT,
                                        300,
                                        List.of(loadBalancer.httpsListener())),
                                args.size().tasks(),
                                args.size().targetPercent()),
                        child())
                .service();

        registerOutputs(Map.of("url", Output.of("https://" + stack.dns().authHost())));
    }

    /** Tasks take traffic from the load balancer and each other (the cluster), and reach only PostgreSQL and HTTPS. */
    private void allowTraffic(String name, Network network, AuthDatabase database) {
        List<SecurityRule> rules = new ArrayList<>();
        for (int port : List.of(KeycloakLoadBalancer.HTTP_PORT, KeycloakLoadBalancer.MANAGEMENT_PORT)) {
            rules.add(SecurityRule.inFrom(
                    name + "-from-lb-" + port, port, loadBalancer.securityGroupId(), "from the load balancer"));
        }
        for (int port : CLUSTER_PORTS) {
            rules.add(SecurityRule.inFrom(
                    name + "-cluster-in-" + port, port, tasks.id(), "Keycloak cluster (jdbc-ping)"));
            rules.add(SecurityRule.outTo(
                    name + "-cluster-out-" + port, port, tasks.id(), "Keycloak cluster (jdbc-ping)"));
        }
        rules.add(SecurityRule.outToRange(
                name + "-to-db", AuthDatabase.PORT, network.vpcCidr(), "PostgreSQL in the data subnets"));
        // HTTPS out for ECR, CloudWatch Logs and Secrets Manager through the NAT gateway.
        rules.add(SecurityRule.outToRange(name + "-https-out", 443, SecurityRule.anywhere(), "AWS APIs over HTTPS"));
        SecurityRule.create(tasks.id(), rules, child());
        loadBalancer.allowTargets(name + "-lb", tasks.id());
        database.allowClient(name + "-db-access", tasks.id());
    }

    /** What ECS needs to start a task: pull the image, read the two secrets, write the logs. */
    private ServiceRole executionRole(
            String name,
            ContainerImages images,
            AuthDatabase database,
            Output<String> adminSecretArn,
            LogGroup logGroup) {
        PolicyDocument execution = new PolicyDocument();
        images.grantPull(execution, ContainerImages.KEYCLOAK);
        database.grantReadCredentials(execution);
        execution.allow("ReadAdminPassword", List.of("secretsmanager:GetSecretValue"), List.of(adminSecretArn));
        execution.allow(
                "WriteLogs",
                List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroup.arn().applyValue(arn -> arn + ":*")));
        return new ServiceRole(
                name + "-execution",
                stack.naming().physical("keycloak-execution"),
                "ecs-tasks.amazonaws.com",
                execution,
                child());
    }

    /** Keycloak's container: the database by the global writer endpoint, TLS required; secrets from Secrets Manager. */
    private ContainerSpec container(
            StackContext stack,
            ContainerImages images,
            AuthDatabase database,
            Output<String> adminSecretArn,
            LogGroup logGroup) {
        return new ContainerSpec("keycloak", images.image(ContainerImages.KEYCLOAK))
                .port(KeycloakLoadBalancer.HTTP_PORT)
                .port(KeycloakLoadBalancer.MANAGEMENT_PORT)
                .env(
                        "KC_DB_URL",
                        database.writerEndpoint()
                                .applyValue(host -> "jdbc:postgresql://" + host + ":" + AuthDatabase.PORT + "/"
                                        + AuthDatabase.DATABASE + "?sslmode=require"))
                .env("KC_HOSTNAME", "https://" + stack.dns().authHost())
                .env("KC_HTTP_ENABLED", "true")
                .env("KC_PROXY_HEADERS", "xforwarded")
                .env("KC_HEALTH_ENABLED", "true")
                .env("KC_METRICS_ENABLED", "true")
                .env("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER)
                .env("JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=50")
                .secret("KC_DB_USERNAME", database.credentialField("username"))
                .secret("KC_DB_PASSWORD", database.credentialField("password"))
                .secret("KC_BOOTSTRAP_ADMIN_PASSWORD", adminSecretArn)
                .logs(logGroup.name(), stack.region());
    }

    /**
     * The realm's issuer: the same in both regions, so tokens stay valid after failover
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html).
     */
    public String issuer() {
        return "https://" + stack.dns().authHost() + "/realms/" + REALM;
    }

    public String url() {
        return "https://" + stack.dns().authHost();
    }

    public Service service() {
        return service;
    }

    public KeycloakLoadBalancer loadBalancer() {
        return loadBalancer;
    }
}
