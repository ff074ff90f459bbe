namespace Baton.AI.Telemetry;

/// <summary>Attribute names and values of the OpenTelemetry GenAI semantic conventions (gen-ai-spans, gen-ai-agent-spans).</summary>
internal static class GenAIAttributes
{
    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderName = "gen_ai.provider.name";
    public const string RequestModel = "gen_ai.request.model";
    public const string RequestTemperature = "gen_ai.request.temperature";
    public const string RequestMaxTokens = "gen_ai.request.max_tokens";
    public const string ResponseModel = "gen_ai.response.model";
    public const string ResponseId = "gen_ai.response.id";
    public const string ResponseFinishReasons = "gen_ai.response.finish_reasons";
    public const string UsageInputTokens = "gen_ai.usage.input_tokens";
    public const string UsageOutputTokens = "gen_ai.usage.output_tokens";
    public const string TokenType = "gen_ai.token.type";
    public const string InputMessages = "gen_ai.input.messages";
    public const string OutputMessages = "gen_ai.output.messages";
    public const string SystemInstructions = "gen_ai.system_instructions";
    public const string ToolName = "gen_ai.tool.name";
    public const string ToolCallId = "gen_ai.tool.call.id";
    public const string ToolType = "gen_ai.tool.type";
    public const string AgentName = "gen_ai.agent.name";
    public const string ErrorType = "error.type";

    public const string ChatOperation = "chat";
    public const string ExecuteToolOperation = "execute_tool";
    public const string InvokeAgentOperation = "invoke_agent";
}
