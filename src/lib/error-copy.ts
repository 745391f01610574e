import type { ClientError, ClientErrorCode } from './cloud'

/** Error code → what a person reads. The server's `message` is for developers and logs, never shown as is. */
const COPY: Record<ClientErrorCode, string> = {
  'INPUT.INVALID': '填写的内容有误，请检查后再试',
  'ACTION.UNKNOWN': '暂不支持这个操作，请更新小程序后再试',
  'AUTH.NO_OPENID': '未能确认你的身份，请重新进入小程序',
  'AUTH.FORBIDDEN': '无权限：只有本社区工作人员可以进行此操作',
  'CONTENT.RISKY': '内容未通过安全检查，请修改后再提交',
  'CONTENT.REVIEW': '这段文字不适合直接发出，请换个说法再提交',
  'CONTENT.CHECK_UNAVAILABLE': '内容安全检查暂时不可用，请稍后再试',
  'COMMUNITY.NOT_FOUND': '没有找到这个社区，请确认社区码是否正确',
  'MEMBER.NOT_FOUND': '你还不是这个社区的成员，请先扫社区码加入',
  'MEMBER.IS_CHILD': '这是孩子的微信账号：不能设为工作人员，也不能代报名（孩子的报名请家长办理）',
  'AUTH.CHILD_NOT_ALLOWED': '小朋友的想法请到儿童议事会提出：在「我的 → 儿童议事会」里提建议，会有大人认真回复你',
  'CHILD.AGE_OUT_OF_RANGE': '孩子的出生年份不在可登记的范围内',
  'CHILD.LIMIT_REACHED': '登记的孩子数量已达上限',
  'CHILD.LINK_CODE_INVALID': '绑定码不正确或已过期，请让家长重新生成',
  'CHILD.ALREADY_LINKED': '这个孩子已经绑定了自己的微信，无需再次绑定',
  'CHILD.ACCOUNT_ALREADY_LINKED': '这个微信已经绑定了一个孩子，一个微信只能绑定一个孩子',
  'CHILD.BUSY': '操作太快了，请再试一次',
  'NOTICE.NOT_FOUND': '这条通知不存在或已撤回',
  'NOTICE.INVALID_STATE': '通知当前的状态不能进行这个操作，请刷新后再试',
  'NOTICE.INVALID_SCHEDULE': '发布时间或到期时间不正确：到期时间须晚于发布时间',
  'PROPOSAL.NOT_FOUND': '这条建议不存在，或暂时不能查看',
  'PROPOSAL.INVALID_STATE': '这条建议已进入下一步，不能再这样操作，请刷新后查看',
  'PROPOSAL.CATEGORY_UNKNOWN': '请从本社区的分类中选择一个',
  'PROPOSAL.SUPPORT_CLOSED': '这条建议已不在附议期内',
  'PROPOSAL.HAS_SUPPORTERS': '已有邻居附议，不能撤回；可以留言补充说明',
  'PROPOSAL.OWN': '不能附议或举报自己的建议',
  'COMMENT.NOT_FOUND': '这条留言不存在或已被隐藏',
  'PROJECT.NOT_FOUND': '这个项目不存在',
  'PROJECT.INVALID_STATE': '项目当前的状态不能进行这个操作，请刷新后再试',
  'INBOX.NOT_FOUND': '这条消息不存在',
  'EVENT.NOT_FOUND': '这个活动不存在或已撤下',
  'EVENT.INVALID_STATE': '活动当前的状态不能进行这个操作，请刷新后再试',
  'EVENT.INVALID_SCHEDULE': '时间设置不正确：报名开始 < 报名截止 ≤ 活动开始 < 活动结束',
  'EVENT.SIGNUP_NOT_OPEN': '报名还没有开始，请到时间再来',
  'EVENT.SIGNUP_CLOSED': '报名已经截止',
  'EVENT.AGE_OUT_OF_RANGE': '参加者的年龄不在这个活动的年龄范围内',
  'EVENT.CANCEL_DEADLINE_PASSED': '已过取消截止时间，如需取消请联系社区工作人员',
  'EVENT.ALREADY_DRAWN': '已经抽过签了，抽签结果不能更改',
  'EVENT.DRAW_NOT_DUE': '报名还没有截止，截止后才能抽签',
  'EVENT.CHECKIN_CLOSED': '现在不在签到时间内（活动开始前 1 小时到活动结束）',
  'EVENT.RATING_CLOSED': '活动结束后 14 天内才能评价',
  'EVENT.BUSY': '报名的人太多了，请稍后再试',
  'SYSTEM.BUSY': '排队的人太多了，正在为你排队，请稍候',
  'SIGNUP.NOT_FOUND': '没有找到你的报名记录',
  'SIGNUP.NOT_CONFIRMED': '这张票还没有录取（候补或待抽签），不能签到',
  'SIGNUP.NOT_ATTENDED': '只有签到参加了活动的人才能评价',
  'SIGNUP.ALREADY_RATED': '你已经评价过了，谢谢',
  'SERIES.NOT_FOUND': '没有找到这个课程系列',
  'TASK.NOT_FOUND': '没有需要处理的改进任务',
  'COUNCIL.NOT_FOUND': '这个社区还没有儿童议事会',
  'COUNCIL.CONSENT_OUTDATED': '儿童信息保护规则更新了，请重新阅读并同意',
  'COUNCIL.AGE_OUT_OF_RANGE': '孩子的年龄不在议事会的年龄范围内',
  'COUNCIL.MEMBER_NOT_FOUND': '没有找到这位议事会成员',
  'COUNCIL.MEMBER_INVALID_STATE': '成员当前的状态不能进行这个操作，请刷新后再试',
  'COUNCIL.CHILD_NOT_FOUND': '没有找到这个孩子',
  'COUNCIL.PROPOSAL_NOT_FOUND': '没有找到这条建议',
  'COUNCIL.PROPOSAL_INVALID_STATE': '建议当前的状态不能进行这个操作，请刷新后再试',
  'COUNCIL.MEETING_NOT_FOUND': '没有找到这次会议',
  'COUNCIL.MEETING_INVALID_STATE': '会议当前的状态不能进行这个操作，请刷新后再试',
  'COUNCIL.ITEM_NOT_FOUND': '没有找到这个议题',
  'COUNCIL.VOTE_NOT_OPEN': '现在不能投票',
  'COUNCIL.VOTE_INVALID_STATE': '投票当前的状态不能进行这个操作',
  'COUNCIL.ALREADY_VOTED': '已经投过票了',
  'COUNCIL.NOT_PRESENT': '请先签到，到会的成员才能举手和投票',
  'COUNCIL.BUSY': '大家一起操作太快了，请再试一次',
  'PHOTO.NOT_FOUND': '照片没有传好，请重新添加照片',
  'SHARE.CODE_NOT_FOUND': '这个二维码已失效，请向社区工作人员要一张新的海报',
  INTERNAL: '系统开小差了，请稍后再试',
  NETWORK: '网络不太好，请检查网络后重试',
}

/** `context`: what a code means on one screen, where the general copy would mislead (e.g. AUTH.FORBIDDEN when a
 *  guardian's phone tries to redeem a child-link code). */
export function errorCopy(
  error: Pick<ClientError, 'code' | 'issues'> | ClientErrorCode,
  context?: Partial<Record<ClientErrorCode, string>>,
): string {
  const code = typeof error === 'string' ? error : error.code
  if (context?.[code]) return context[code]!
  // bad input: the schema's own words for the first problem ("请填写议题"), when they are written for people
  if (code === 'INPUT.INVALID' && typeof error !== 'string') {
    const said = inputMessage(error.issues)
    if (said) return said
  }
  return COPY[code] ?? COPY.INTERNAL
}

/** The first issue's message if it is Chinese (the contract's schemas word theirs for people; zod's defaults are English). */
export function inputMessage(issues: ReadonlyArray<{ message: string }> | undefined): string | null {
  const first = issues?.find((i) => /[\u4e00-\u9fff]/.test(i.message))
  return first ? first.message : null
}

/** Redeeming a child-link code on the child's own phone: short words a child can read. */
export const CHILD_LINK_COPY: Partial<Record<ClientErrorCode, string>> = {
  'INPUT.INVALID': '绑定码是 6 位字母和数字，再看一看',
  'AUTH.FORBIDDEN': '这是家长或社区工作人员的微信，不能绑定成孩子的账号。请用孩子自己的微信',
  'CHILD.LINK_CODE_INVALID': '绑定码不对，或者已经过期了（10 分钟内有效）。请爸爸妈妈再生成一个',
  'CHILD.ALREADY_LINKED': '这个孩子已经绑定了自己的微信，不用再绑定啦',
}
