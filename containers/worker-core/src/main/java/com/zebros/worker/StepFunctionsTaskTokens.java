package com.zebros.worker;

import software.amazon.awssdk.services.sfn.SfnClient;

/** Task-token answers to Step Functions: SendTaskHeartbeat, SendTaskSuccess, SendTaskFailure. */
public final class StepFunctionsTaskTokens implements TaskTokens {
    private final SfnClient sfn;

    public StepFunctionsTaskTokens(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public void heartbeat(String token) {
        sfn.sendTaskHeartbeat(r -> r.taskToken(token));
    }

    @Override
    public void success(String token, String outputJson) {
        sfn.sendTaskSuccess(r -> r.taskToken(token).output(outputJson));
    }

    @Override
    public void failure(String token, String error, String cause) {
        sfn.sendTaskFailure(r -> r.taskToken(token).error(error).cause(cause));
    }
}
