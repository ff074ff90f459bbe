using Baton.Expressions;

namespace Baton.Core.Tests.Expressions;

public class ReferenceTests
{
    [Theory]
    [InlineData("steps.ads.output.body[0]", "steps", "ads,output,body", "steps.ads.output.body")]
    [InlineData("inputs['odd key'].x", "inputs", "odd key,x", "inputs['odd key'].x")]
    [InlineData("steps.ads-cache.output", "steps", "ads-cache,output", "steps.ads-cache.output")]
    [InlineData("inputs.docs.*.path", "inputs", "docs", "inputs.docs")]
    [InlineData("inputs", "inputs", "", "inputs")]
    [InlineData("item.path[index]", "item", "path", "item.path")]
    [InlineData("items[-1].name", "items", "", "items")]
    public void References_MemberChain_StopsAtTheFirstComputedStep(string expression, string root, string members, string text)
    {
        var reference = Template.ParseExpression(expression).References[0];

        reference.Root.Should().Be(root);
        string.Join(",", reference.Members).Should().Be(members);
        expression.Substring(reference.Offset, reference.Length).Should().Be(text);
    }

    [Fact]
    public void References_ComputedIndex_ReferencesBothNamesInSourceOrder()
    {
        var references = Template.ParseExpression("inputs[vars.key].x").References;

        references.Select(r => $"{r.Root}:{string.Join(".", r.Members)}@{r.Offset}").Should().Equal("inputs:@0", "vars:key@7");
    }

    [Fact]
    public void References_InTemplate_HaveOffsetsInTheWholeText()
    {
        var references = Template.Parse("Hi ${{ inputs.name }}, see ${{ steps.a.output }}").References;

        references.Select(r => (r.Root, r.Offset, r.Length)).Should().Equal(("inputs", 7, 11), ("steps", 31, 14));
    }

    [Fact]
    public void References_KeysFunctionsAndKeywords_AreNotReferences()
    {
        var references = Template.ParseExpression("{ inputs: len(vars.a), b: null ?? true ?? false }").References;

        references.Should().ContainSingle().Which.Root.Should().Be("vars");
    }

    [Fact]
    public void References_EveryOperand_IsFound()
    {
        var references = Template.ParseExpression("a.x + b ? c['k'] : [d, { k: e.f }]").References;

        references.Select(r => r.Root).Should().Equal("a", "b", "c", "d", "e");
        references[2].Members.Should().Equal("k");
    }

    [Fact]
    public void References_ParenthesizedRoot_ReferencesTheWholeRoot()
    {
        Template.ParseExpression("(inputs).x").References.Should().ContainSingle().Which.Members.Should().BeEmpty();
    }

    [Fact]
    public void References_LiteralTemplate_HasNone()
    {
        var template = Template.Parse("inputs.name is plain text");

        template.IsLiteral.Should().BeTrue();
        template.References.Should().BeEmpty();
    }
}
