namespace Baton.Definitions.Compiler;

/// <summary>The stable codes of compiler diagnostics. Each one is documented in <c>docs/errors.md</c>; never renumber.</summary>
internal static class DiagnosticCodes
{
    public const string InternalError = "BATON000";
    public const string FileUnreadable = "BATON001";
    public const string FileTooLarge = "BATON002";
    public const string YamlSyntax = "BATON003";
    public const string DuplicateKey = "BATON004";
    public const string TooManyNodes = "BATON005";
    public const string NestingTooDeep = "BATON006";
    public const string MultipleDocuments = "BATON007";
    public const string EmptyFile = "BATON008";
    public const string UnsupportedYaml = "BATON009";

    public const string UnknownKey = "BATON010";
    public const string MissingKey = "BATON011";
    public const string WrongType = "BATON012";
    public const string NoKind = "BATON013";
    public const string SeveralKinds = "BATON014";
    public const string UnknownKind = "BATON015";
    public const string InvalidWorkflowName = "BATON016";
    public const string InvalidStepId = "BATON017";
    public const string DuplicateStepId = "BATON018";
    public const string EmptyCollection = "BATON019";
    public const string InvalidDuration = "BATON020";
    public const string InvalidRetry = "BATON021";
    public const string OutOfRange = "BATON022";
    public const string NotAllowedValue = "BATON023";
    public const string InvalidGoto = "BATON024";
    public const string InvalidSwitchCase = "BATON025";
    public const string InvalidHttp = "BATON026";
    public const string InvalidRun = "BATON027";
    public const string InvalidName = "BATON028";
    public const string InvalidWait = "BATON029";
    public const string InvalidTime = "BATON030";
    public const string ExpressionPlacement = "BATON031";
    public const string RetryOnContainer = "BATON032";

    public const string ExpressionSyntax = "BATON040";
    public const string UnknownName = "BATON041";
    public const string ItemOutsideForEach = "BATON042";
    public const string UndeclaredEnv = "BATON043";
    public const string UndeclaredSecret = "BATON044";
    public const string UnknownStep = "BATON045";
    public const string StepNotFinished = "BATON046";
    public const string UnknownStepField = "BATON047";
    public const string UnknownRunField = "BATON048";
    public const string UndeclaredInput = "BATON049";
    public const string TextCondition = "BATON050";

    public const string InputSchemaShape = "BATON060";
    public const string InputSchemaInvalid = "BATON061";
    public const string CustomConfigInvalid = "BATON062";
    public const string InputDefaultInvalid = "BATON063";
    public const string UnknownFormat = "BATON064";
    public const string SchemaValueInvalid = "BATON065";

    public const string ChildNotFound = "BATON070";
    public const string ChildCycle = "BATON071";
    public const string ChildInputsInvalid = "BATON072";

    public const string InvalidModel = "BATON080";
    public const string InvalidScript = "BATON081";
    public const string ScriptNotFound = "BATON082";
    public const string InvalidProvider = "BATON083";
    public const string UnknownProvider = "BATON084";
    public const string UnknownModelAlias = "BATON085";
}
