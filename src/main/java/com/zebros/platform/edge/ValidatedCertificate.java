package com.zebros.platform.edge;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * An ACM certificate validated through DNS in the stack's hosted zone. The validation records of a
 * name are the same in every region and stack, so each is written with {@code allowOverwrite}
 * (https://github.com/hashicorp/terraform-provider-aws/issues/13653): the second stack to deploy must not fail on the
 * first one's record. For the same reason a record is retained when its certificate goes (a step down from CloudFront,
 * a stack destroyed): deleting it would remove the record every other certificate of the name still renews with
 * (https://www.pulumi.com/docs/iac/concepts/options/retainondelete/); a stale validation record grants nothing.
 */
public final class ValidatedCertificate {
    private final Certificate certificate;
    private final CertificateValidation validation;

    public ValidatedCertificate(
            String name, List<String> domainNames, String hostedZoneId, CustomResourceOptions options) {
        certificate = new Certificate(
                name,
                CertificateArgs.builder()
                        .domainName(domainNames.get(0))
                        .subjectAlternativeNames(domainNames.subList(1, domainNames.size()))
                        .validationMethod("DNS")
                        .keyAlgorithm("RSA_2048")
                        .build(),
                options);
        List<Output<String>> fqdns = new ArrayList<>();
        for (int i = 0; i < domainNames.size(); i++) {
            String domain = domainNames.get(i);
            Output<CertificateDomainValidationOption> option = certificate
                    .domainValidationOptions()
                    .applyValue(all -> all.stream()
                            .filter(o -> o.domainName().orElse("").equals(domain))
                            .findFirst()
                            .orElseThrow(() ->
                                    new IllegalStateException("ACM returned no validation record for " + domain)));
            var record = new Record(
                    name + "-validation-" + i,
                    RecordArgs.builder()
                            .zoneId(hostedZoneId)
                            .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                            .type("CNAME") // ACM validates through DNS with CNAME records only
                            .records(option.applyValue(
                                    o -> List.of(o.resourceRecordValue().orElseThrow())))
                            .ttl(300)
                            .allowOverwrite(true)
                            .build(),
                    CustomResourceOptions.merge(
                            options,
                            CustomResourceOptions.builder().retainOnDelete(true).build()));
            fqdns.add(record.fqdn());
        }
        validation = new CertificateValidation(
                name + "-validation",
                CertificateValidationArgs.builder()
                        .certificateArn(certificate.arn())
                        .validationRecordFqdns(Output.all(fqdns))
                        .build(),
                options);
    }

    /** The certificate's ARN once ACM has issued it: listeners and domains must wait for that. */
    public Output<String> validatedArn() {
        return validation.certificateArn();
    }
}
