package com.zebros.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zebros.platform.config.StackSettingsReader.SecretsMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackSettingsReaderTest {

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("phase", "0");
        config.put("role", "standalone");
        config.put("region", "us-east-1");
        config.put("domain", "crm.example.com");
        config.put("hostedZoneId", "Z0123456789ABCDEFGHIJ");
        return config;
    }

    private static StackSettings read(Map<String, String> config) {
        return StackSettingsReader.read(
                "zebros", "dev", key -> Optional.ofNullable(config.get(key)), SecretsMode.PLACEHOLDER);
    }

    private static List<ConfigProblem> problems(Map<String, String> config) {
        return problems(config, SecretsMode.PLACEHOLDER);
    }

    private static List<ConfigProblem> problems(Map<String, String> config, SecretsMode mode) {
        var e = assertThrows(
                InvalidStackConfigException.class,
                () -> StackSettingsReader.read("zebros", "dev", key -> Optional.ofNullable(config.get(key)), mode));
        return e.problems();
    }

    private static ConfigProblem only(List<ConfigProblem> problems, String key) {
        var matching = problems.stream().filter(p -> p.key().equals(key)).toList();
        assertEquals(1, matching.size(), "expected one problem with " + key + " in " + problems);
        return matching.get(0);
    }

    @Test
    void aValidStandaloneConfigReadsWithDefaults() {
        StackSettings settings = read(valid());
        assertEquals(0, settings.phase());
        assertEquals(Role.STANDALONE, settings.role());
        assertEquals("0.1.0", settings.imageTag());
        assertEquals("functions/target/zebros-functions.jar", settings.functionsArtifact());
        assertTrue(settings.deletionProtection(), "deletion protection is on unless a stack turns it off");
        assertTrue(settings.dbMasterPassword().isPlaceholder(), "the offline plan plans with a placeholder password");
        assertEquals("[secret]", settings.dbMasterPassword().toString());
    }

    @Test
    void aPhaseOutsideZeroToThreeNamesTheKeyTheValueAndTheFix() {
        var config = valid();
        config.put("phase", "7");
        ConfigProblem problem = only(problems(config), "zebros:phase");
        assertEquals("\"7\"", problem.found());
        assertEquals("an integer from 0 to 3", problem.allowed());
        assertTrue(problem.fix().startsWith("pulumi config set zebros:phase"), problem.fix());
    }

    @Test
    void aPhaseThatIsNotANumberIsAWrongType() {
        var config = valid();
        config.put("phase", "two");
        assertEquals("\"two\"", only(problems(config), "zebros:phase").found());
    }

    @Test
    void anUnknownRoleListsTheRoles() {
        var config = valid();
        config.put("role", "tertiary");
        assertEquals(
                "standalone, primary, secondary",
                only(problems(config), "zebros:role").allowed());
    }

    @Test
    void aMissingRegionIsReported() {
        var config = valid();
        config.remove("region");
        assertEquals("nothing", only(problems(config), "zebros:region").found());
    }

    @Test
    void anUnknownRegionIsReported() {
        var config = valid();
        config.put("region", "us-east-9");
        assertTrue(only(problems(config), "zebros:region").allowed().contains("eu-west-1"));
    }

    @Test
    void aPeerRegionEqualToTheRegionIsRefused() {
        var config = valid();
        config.put("role", "primary");
        config.put("peerRegion", "us-east-1");
        assertTrue(only(problems(config), "zebros:peerRegion").allowed().contains("other than zebros:region"));
    }

    @Test
    void aSecondaryWithoutAPrimaryStackIsRefused() {
        var config = valid();
        config.put("role", "secondary");
        config.put("peerRegion", "us-east-1");
        config.put("region", "eu-west-1");
        ConfigProblem problem = only(problems(config), "zebros:primaryStack");
        assertEquals("nothing", problem.found());
        assertEquals("pulumi config set zebros:primaryStack prod-us", problem.fix());
    }

    @Test
    void aPrimaryWithoutAPeerRegionIsRefused() {
        var config = valid();
        config.put("role", "primary");
        assertEquals("nothing", only(problems(config), "zebros:peerRegion").found());
    }

    @Test
    void aStandaloneStackNamesNoPeer() {
        var config = valid();
        config.put("peerRegion", "eu-west-1");
        only(problems(config), "zebros:peerRegion");
    }

    @Test
    void domainZoneAndEmailAreChecked() {
        var config = valid();
        config.put("domain", "not a domain");
        config.put("hostedZoneId", "zone-1");
        config.put("alarmEmail", "nobody");
        var problems = problems(config);
        only(problems, "zebros:domain");
        only(problems, "zebros:hostedZoneId");
        only(problems, "zebros:alarmEmail");
    }

    @Test
    void everyProblemIsReportedTogetherInOneMessage() {
        var config = valid();
        config.put("phase", "9");
        config.put("role", "boss");
        config.put("region", "mars-1");
        config.put("vpcCidr", "192.168.0.0/24");
        var e = assertThrows(InvalidStackConfigException.class, () -> read(config));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(
                e.getMessage().startsWith("Stack 'dev' has 4 config problems; nothing was deployed:"), e.getMessage());
        for (String key : List.of("zebros:phase", "zebros:role", "zebros:region", "zebros:vpcCidr")) {
            assertTrue(e.getMessage().contains(key), "the message names " + key);
        }
    }

    @Test
    void overridesWinOverThePhaseTable() {
        var config = valid();
        config.put("overrides", "[\"lambdaMemoryMb.reporting=2048\",\"auroraMaxAcu=4\"]");
        StackSettings settings = read(config);
        assertEquals(2048, settings.phases().lambdaMemoryMb(FunctionGroup.REPORTING));
        assertEquals(4, settings.phases().auroraAcu().max());
        assertEquals(128, settings.phases().lambdaMemoryMb(FunctionGroup.CUSTOMERS), "others keep the table's value");
    }

    @Test
    void anOverrideOfAnUnknownSettingListsTheSettingsOfThePhase() {
        var config = valid();
        config.put("overrides", "[\"lambdaMemory.reporting=2048\"]");
        ConfigProblem problem = only(problems(config), "zebros:overrides");
        assertTrue(problem.allowed().contains("lambdaMemoryMb.reporting"), problem.allowed());
    }

    @Test
    void anOverrideOutsideWhatAwsAcceptsIsRefused() {
        var config = valid();
        config.put("overrides", "[\"lambdaMemoryMb.reporting=40000\"]");
        assertTrue(only(problems(config), "zebros:overrides").allowed().contains("between 128 and 32768"));
    }

    /** AWS WAF lowered the rate-based rule's minimum from 100 to 10 (the 2026 wafv2 model's RateLimit: min 10). */
    @Test
    void aRateLimitAwsNowAcceptsIsNotRefused() {
        var config = valid();
        config.put("phase", "2");
        config.put("overrides", "[\"wafRequestsPerIpPer5Min=50\"]");
        assertEquals(50, read(config).phases().intValue(PhaseSetting.WAF_REQUESTS_PER_IP_PER_5_MIN));
    }

    @Test
    void anOverrideGivingAnInvalidFargateSizeIsRefused() {
        var config = valid();
        config.put("overrides", "[\"keycloakMemoryMb=4096\"]");
        assertTrue(only(problems(config), "zebros:overrides").allowed().contains("CPU 256 takes 512, 1024 or 2048"));
    }

    @Test
    void reservedConcurrencyAboveTheAccountLimitIsRefused() {
        var config = valid();
        config.put("overrides", "[\"reservedConcurrency.customers=950\"]");
        assertTrue(problems(config).stream()
                .anyMatch(p -> p.allowed()
                        .contains("https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html")));
    }

    @Test
    void aRealDeploymentRequiresBothSecretsAndNamesTheCommand() {
        var problems = problems(valid(), SecretsMode.REQUIRED);
        ConfigProblem db = only(problems, "zebros:dbMasterPassword");
        assertEquals("pulumi config set --secret zebros:dbMasterPassword <value> --stack dev", db.fix());
        only(problems, "zebros:keycloakAdminPassword");
    }

    @Test
    void aBadPasswordIsRefusedWithoutPrintingIt() {
        var config = valid();
        config.put("dbMasterPassword", "has@at");
        config.put("keycloakAdminPassword", "long-enough-password");
        var e = assertThrows(InvalidStackConfigException.class, () -> read(config));
        assertFalse(e.getMessage().contains("has@at"), "the message must not contain the secret");
        only(e.problems(), "zebros:dbMasterPassword");
    }

    @Test
    void aSecretWrittenInPlainTextIsRefused() {
        var config = valid();
        config.put("dbMasterPassword", "correct-horse-battery");
        ConfigSource plain = new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(config.get(key));
            }

            @Override
            public boolean isStoredEncrypted(String key) {
                return !key.equals("dbMasterPassword");
            }
        };
        var e = assertThrows(
                InvalidStackConfigException.class,
                () -> StackSettingsReader.read("zebros", "dev", plain, SecretsMode.PLACEHOLDER));
        assertEquals(
                "a value in plain text",
                only(e.problems(), "zebros:dbMasterPassword").found());
    }

    @Test
    void aStackNameTooLongForAwsNamesIsRefused() {
        var e = assertThrows(
                InvalidStackConfigException.class,
                () -> StackSettingsReader.read(
                        "zebros",
                        "a-very-long-stack-name-indeed",
                        key -> Optional.ofNullable(valid().get(key)),
                        SecretsMode.PLACEHOLDER));
        only(e.problems(), "stack name");
    }
}
