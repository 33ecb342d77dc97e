import Testing

@testable import Observability

@Suite struct CloudWatchMetricTests {
    /// The names cloudwatch_exporter gives these CloudWatch metrics, less its statistic suffix.
    @Test func namesFollowTheCloudWatchExporter() {
        #expect(CloudWatchMetric.all.map(\.prometheusName) == [
            "aws_lambda_invocations", "aws_lambda_errors", "aws_lambda_throttles", "aws_lambda_concurrent_executions",
            "aws_lambda_provisioned_concurrent_executions", "aws_lambda_duration",
            "aws_sqs_approximate_number_of_messages_visible", "aws_sqs_approximate_number_of_messages_not_visible",
            "aws_sqs_approximate_number_of_messages_delayed", "aws_sqs_approximate_age_of_oldest_message",
            "aws_sqs_number_of_messages_sent", "aws_sqs_number_of_messages_received", "aws_sqs_number_of_messages_deleted",
        ])
        #expect(CloudWatchMetric.invocations.labelName == "function_name")
        #expect(CloudWatchMetric.messagesVisible.labelName == "queue_name")
    }

    @Test func convertsAsTheExporterDoes() {
        // toSnakeCase splits after a lower-case letter or a digit only; safeName merges underscores.
        let metric = CloudWatchMetric(namespace: "AWS/ApplicationELB", name: "HTTPCode_Target_5XX_Count", dimension: "LoadBalancer", kind: .counter)
        #expect(metric.prometheusName == "aws_applicationelb_httpcode_target_5_xx_count")
        #expect(metric.labelName == "load_balancer")
    }
}
