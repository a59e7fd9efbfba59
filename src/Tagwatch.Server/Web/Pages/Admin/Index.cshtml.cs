using Microsoft.AspNetCore.Authorization;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Admin;

/// <summary>The administration section's start: links to its screens, for the roles that manage accounts.</summary>
[Authorize(Policy = nameof(Permission.ManageUsers))]
internal sealed class AdminIndexModel : WebPageModel;
