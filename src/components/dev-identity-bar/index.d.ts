/** H5 only: the "体验身份" picker (which demo person the browser acts as). Renders nothing on weapp. */
export default function DevIdentityBar(): JSX.Element | null
