using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>Binding of Fixtures/good/every-kind.yaml, which uses every kind and written form of the language.</summary>
public sealed class EveryKindBindingTests
{
    private static readonly Lazy<WorkflowDefinition> Definition = new(() =>
    {
        var result = new WorkflowCompiler().CompileFile(Fixtures.PathOf("good/every-kind.yaml"));
        result.Diagnostics.Should().BeEmpty();
        return result.Definition!;
    });

    private static WorkflowDefinition Def => Definition.Value;

    private static T Step<T>(string id)
        where T : StepDefinition => Def.GetStep(id).Should().BeOfType<T>().Subject;

    [Fact]
    public void CompileFile_TopLevel_BindsNameVersionEnvSecretsAndSchema()
    {
        Def.Name.Should().Be("every-kind");
        Def.Version.Should().Be("1.2");
        Def.Description.Should().Be("Uses every step kind and every written form of the language at least once.\n");
        Def.Env.Should().Equal(
            new EnvVariable("CRM_API", "http://localhost:8080", Required: false),
            new EnvVariable("STATUS_API", null, Required: true),
            new EnvVariable("REGION", null, Required: true));
        Def.Secrets.Should().Equal("CRM_TOKEN");
        Def.InputSchema!["required"]!.ToJsonString().Should().Be("[\"client\",\"documents\"]");
        Def.Location.Line.Should().Be(1);
        Def.Outputs!.IsConstant.Should().BeFalse();
    }

    [Fact]
    public void CompileFile_Hash_IsTheBundleHashOverEveryFile()
    {
        Def.Hash.Should().MatchRegex("^[0-9a-f]{64}$").And.Be(Def.Source.ComputeHash());
        Def.Source.RootFile.Should().Be("every-kind.yaml");
        Def.Source.BaseDirectory.Should().Be(Path.Combine(Fixtures.Directory, "good"));
        Def.Source.Files.Keys.Should().BeEquivalentTo("every-kind.yaml", "shared/notify.yaml");
        Def.Source.Files["every-kind.yaml"].Should().Be(Fixtures.Read("good/every-kind.yaml"));
    }

    [Fact]
    public void CompileFile_HttpStep_HoldsWholeMappingAsConfigWithTypedConstants()
    {
        var step = Step<ActionStep>("create-ticket");
        var context = new TestExpressionContext(new JsonObject
        {
            ["inputs"] = new JsonObject { ["client"] = "acme" },
            ["env"] = new JsonObject { ["CRM_API"] = "http://crm" },
            ["secrets"] = new JsonObject { ["CRM_TOKEN"] = "t0k" },
        });

        var config = step.Config.Render(context)!.AsObject();

        step.Kind.Should().Be("http");
        step.Name.Should().Be("Create the ticket");
        config["method"]!.GetValue<string>().Should().Be("POST");
        config["url"]!.GetValue<string>().Should().Be("http://crm/tickets");
        config["headers"]!.ToJsonString().Should().Be("{\"Authorization\":\"Bearer t0k\",\"X-Attempt\":1}");
        config["body"]!.ToJsonString().Should().Be("{\"title\":\"Ticket for acme\",\"tags\":[\"a\",\"b\"],\"count\":2,\"draft\":false,\"owner\":null}");
        config["expect"]!.ToJsonString().Should().Be("[200,201,\"3xx\"]");
        config["max-response-bytes"]!.GetValue<long>().Should().Be(10485760);
    }

    [Fact]
    public void CompileFile_OwnRetryAndTimeout_OverrideDefaults()
    {
        var step = Step<ActionStep>("create-ticket");

        step.Retry.Should().Be(new RetryPolicy { Attempts = 5, Backoff = BackoffKind.Fixed, Delay = TimeSpan.FromMilliseconds(500), On = step.Retry!.On });
        step.Retry.On.Should().Equal("timeout", "http.status.5*", "http.connection");
        step.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        step.OnError.Should().Be(new OnErrorPolicy { Action = OnErrorAction.Continue });
    }

    [Theory]
    [InlineData("lookup")]
    [InlineData("count")]
    [InlineData("crm")]
    [InlineData("crm-clean")]
    [InlineData("classify")]
    [InlineData("book")]
    [InlineData("archive")]
    [InlineData("delete-ticket")]
    [InlineData("inner")]
    [InlineData("give-up")]
    public void CompileFile_StepWithoutOwnPolicies_TakesWorkflowDefaults(string id)
    {
        var step = Def.GetStep(id);

        step.Retry.Should().Be(new RetryPolicy
        {
            Attempts = 3,
            Backoff = BackoffKind.Exponential,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            Jitter = 0.2,
        });
        step.Timeout.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("gather")]
    [InlineData("hedge")]
    [InlineData("process")]
    [InlineData("route")]
    [InlineData("group")]
    [InlineData("notify")]
    public void CompileFile_ContainerAndWorkflowSteps_TakeNoDefaults(string id)
    {
        var step = Def.GetStep(id);

        step.Retry.Should().BeNull();
        step.Timeout.Should().BeNull();
    }

    [Theory]
    [InlineData("settle", null)]
    [InlineData("morning", null)]
    [InlineData("ack", null)]
    [InlineData("settle-for", 3600)]
    [InlineData("review", 86400)]
    public void CompileFile_WaitAndApproval_TakeRetryDefaultButNotTimeoutDefault(string id, int? timeoutSeconds)
    {
        var step = Def.GetStep(id);

        step.Timeout.Should().Be(timeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
        step.Retry!.Attempts.Should().Be(3);
    }

    [Fact]
    public void CompileFile_OnErrorForms_BindActionsTargetsAndOutputs()
    {
        var lookup = Step<ActionStep>("lookup");
        lookup.OnError.Action.Should().Be(OnErrorAction.Continue);
        lookup.OnError.Output!.IsConstant.Should().BeFalse();
        var rendered = lookup.OnError.Output.Render(new TestExpressionContext(new JsonObject
        {
            ["steps"] = new JsonObject { ["lookup"] = new JsonObject { ["error"] = new JsonObject { ["message"] = "boom" } } },
        }));
        rendered!.ToJsonString().Should().Be("{\"found\":false,\"reason\":\"boom\"}");

        Step<ApprovalStep>("review").OnError.Should().Be(new OnErrorPolicy { Action = OnErrorAction.Goto, Target = "give-up" });
        Step<SetStep>("count").OnError.Should().BeSameAs(OnErrorPolicy.Fail);
    }

    [Fact]
    public void CompileFile_Compensation_IsOwnedByTheStepItUndoes()
    {
        var step = Step<ActionStep>("create-ticket");

        step.Compensate!.Role.Should().Be(SequenceRole.Compensation);
        step.Compensate.Owner.Should().BeSameAs(step);
        step.Compensate[0].Id.Should().Be("delete-ticket");
        step.Compensate[0].Parent.Should().BeSameAs(step);
        step.ChildSequences.Should().ContainSingle().Which.Should().BeSameAs(step.Compensate);
    }

    [Fact]
    public void CompileFile_SetStep_KeepsValuesInOrderWithIfCondition()
    {
        var step = Step<SetStep>("count");

        step.If!.Text.Should().Be("inputs.urgent");
        step.Values.Select(v => v.Key).Should().Equal("attempts", "summary", "flags");
        step.Values[2].Value.IsConstant.Should().BeTrue();
        step.Values[2].Value.Render(new TestExpressionContext([]))!.ToJsonString().Should().Be("[1,true,null]");
    }

    [Fact]
    public void CompileFile_ParallelShorthand_MakesOneBranchPerStep()
    {
        var step = Step<ParallelStep>("gather");

        step.Mode.Should().Be(ParallelMode.All);
        step.Branches.Select(b => (b.Role, b.Ordinal, b.Count, b[0].Id)).Should().Equal(
            (SequenceRole.Branch, 0, 1, "ads"),
            (SequenceRole.Branch, 1, 1, "crm-branch"));
        step.Branches.Should().OnlyContain(b => b.Owner == step);
        var group = step.Branches[1][0].Should().BeOfType<GroupStep>().Subject;
        group.Body.Steps.Select(s => s.Id).Should().Equal("crm", "crm-clean");
        group.Body[1].Next.Should().BeNull();
        group.Body[0].Next.Should().BeSameAs(group.Body[1]);
        Step<ParallelStep>("hedge").Mode.Should().Be(ParallelMode.Any);
    }

    [Fact]
    public void CompileFile_ForEach_BindsItemsConcurrencyAndBody()
    {
        var step = Step<ForEachStep>("process");

        step.Items.IsSingleExpression.Should().BeTrue();
        step.Concurrency.Should().Be(4);
        step.Body.Role.Should().Be(SequenceRole.Body);
        step.Body.Owner.Should().BeSameAs(step);
        Def.GetStep("classify").Parent.Should().BeSameAs(step);
    }

    [Fact]
    public void CompileFile_Switch_BindsCasesAndDefault()
    {
        var step = Step<SwitchStep>("route");

        step.If!.IsSingleExpression.Should().BeTrue();
        step.Cases.Select(c => (c.Name, c.Goto, c.Steps?.Role, c.Steps?.Ordinal)).Should().Equal(
            ("urgent", "notify", null, null),
            ("many", null, SequenceRole.Case, 1),
            (null, "route", null, null));
        step.Cases.Should().OnlyContain(c => c.When != null);
        step.Cases[1].Location.Line.Should().Be(97);
        step.Default!.Name.Should().Be("normal");
        step.Default.When.Should().BeNull();
        step.Default.Steps!.Role.Should().Be(SequenceRole.DefaultCase);
        step.Default.Steps.Owner.Should().BeSameAs(step);
    }

    [Fact]
    public void CompileFile_WaitForms_BindDurationTimeAndEvents()
    {
        Step<WaitStep>("settle").For!.Text.Should().Be("30s");
        Step<WaitStep>("settle-for").For!.IsSingleExpression.Should().BeTrue();
        Step<WaitStep>("morning").Until!.Text.Should().Be("2026-12-01T09:00:00Z");
        var ack = Step<WaitStep>("ack");
        ack.Events.Should().Equal("acknowledged", "escalated");
        ack.EventTimeout!.Text.Should().Be("4h");
        Step<WaitStep>("ping").Events.Should().Equal("pinged");
    }

    [Fact]
    public void CompileFile_Approval_BindsEveryField()
    {
        var step = Step<ApprovalStep>("review");

        step.Title!.IsLiteral.Should().BeFalse();
        step.Instructions!.Text.Should().Be("Check the figures against last week's.");
        step.Data!.IsConstant.Should().BeFalse();
        step.Assignees.Should().Equal("role:strategist", "user:ana");
        step.Editable.Should().Equal("summary");
    }

    [Fact]
    public void CompileFile_WorkflowCall_CompilesAndPinsTheChild()
    {
        var step = Step<WorkflowCallStep>("notify");

        step.Path.Should().Be("./shared/notify.yaml");
        step.MaxIterations.Should().Be(3);
        step.Child.Name.Should().Be("notify");
        step.Child.Source.RootFile.Should().Be("notify.yaml");
        step.Child.Source.BaseDirectory.Should().Be(Path.Combine(Fixtures.Directory, "good", "shared"));
        step.Child.Hash.Should().Be(step.Child.Source.ComputeHash());
        step.Inputs!.IsConstant.Should().BeFalse();
    }

    [Fact]
    public void CompileFile_FailForms_BindMessageAndCode()
    {
        Step<FailStep>("give-up").Code.Should().Be(FailStep.DefaultCode);
        Step<FailStep>("give-up").Message.IsLiteral.Should().BeFalse();
        var coded = Step<FailStep>("give-up-coded");
        coded.Code.Should().Be("data.missing");
        coded.Message.Text.Should().Be("No data");
        coded.If!.Text.Should().Be("false");
    }

    [Fact]
    public void CompileFile_Steps_AreIndexedAndLocated()
    {
        Def.StepsById.Should().HaveCount(Def.Steps.Descendants().Count());
        Def.Steps.Steps.Select(s => s.Index).Should().Equal(Enumerable.Range(0, Def.Steps.Count));
        Def.Steps.Role.Should().Be(SequenceRole.Root);
        Def.Steps.Owner.Should().BeNull();
        Def.GetStep("lookup").Location.Should().Be(new SourceLocation(Fixtures.PathOf("good/every-kind.yaml"), 48, 5));
    }
}
