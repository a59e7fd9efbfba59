using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages;

/// <summary>The start page: what the signed-in role can do here, as links to its screens.</summary>
internal sealed class IndexModel : WebPageModel
{
    public Actor Actor { get; private set; } = null!;

    public async Task OnGetAsync() => Actor = await ActorAsync();
}
