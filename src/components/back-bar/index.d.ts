/** H5 only: a back control at the top of a sub-page (the H5 build hides the top bar). Renders nothing on weapp,
 *  where WeChat's own navigation bar has one. */
export default function BackBar(): JSX.Element | null
