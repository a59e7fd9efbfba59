using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tests.Accounts;

public sealed class AccountScopeTests
{
    [Fact]
    public void Check_PoliceBoroughsByNameOrCode_AreDistinctCodes()
    {
        var failure = AccountScope.Check(Role.Police, ["Lambeth", "E09000022", "Southwark"], [], out var codes);

        Assert.Null(failure);
        Assert.Equal(["E09000022", "E09000028"], codes);
    }

    [Theory]
    [InlineData(Role.Police, "", "", "boroughs")]
    [InlineData(Role.Police, "Narnia", "", "boroughs")]
    [InlineData(Role.Administrator, "Lambeth", "", "boroughs")]
    [InlineData(Role.Police, "Lambeth", "TW-00001", "caseload")]
    public void Check_AScopeTheRoleCannotHave_NamesTheField(Role role, string borough, string reference, string field)
    {
        var failure = AccountScope.Check(role, borough.Length == 0 ? [] : [borough], reference.Length == 0 ? [] : [reference], out _);

        Assert.Equal(field, failure?.Field);
    }

    [Fact]
    public void Check_AProbationOfficersCaseload_IsAllowed()
    {
        Assert.Null(AccountScope.Check(Role.ProbationOfficer, [], ["TW-00001"], out _));
    }
}
